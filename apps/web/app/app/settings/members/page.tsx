import type { Metadata } from "next";
import { InviteMember } from "./invite-member";
import { MemberList } from "./member-list";
import { PendingInvitations } from "./pending-invitations";

export const metadata: Metadata = { title: "Members" };

export default function MembersPage() {
  return (
    <>
      <InviteMember />
      <MemberList />
      <PendingInvitations />
    </>
  );
}
