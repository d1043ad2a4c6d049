import { describe, expect, it } from "vitest";
import { loadTemplateDetail } from "../../src/services/templates/detail.ts";
import {
  callerFor,
  createOrganization,
  createUser,
  db,
  expectNoStackTrace,
  expectTrpcError,
  http,
  useTestDatabase,
} from "../helpers.ts";
import { atOnce, createTemplateRow } from "./support.ts";

useTestDatabase();

describe("templates.rate", () => {
  it("refuses ratings outside 1–5 and fractions with 400 and a clear message", async () => {
    const user = await createUser();
    const template = await createTemplateRow();
    const caller = await callerFor(user);
    for (const [rating, message] of [
      [0, /at least 1 star/],
      [6, /at most 5 stars/],
      [3.5, /whole number/],
      [-1, /at least 1/],
    ] as const) {
      await expectTrpcError(caller.templates.rate({ slug: template.slug, rating }), "BAD_REQUEST", message);
    }
    for (const rating of ["5", null, Number.NaN]) {
      await expectTrpcError(
        caller.templates.rate({ slug: template.slug, rating: rating as unknown as number }),
        "BAD_REQUEST",
        /rating/i,
      );
    }
    const response = await http({
      path: "templates.rate",
      input: { slug: template.slug, rating: 9 },
      sessionUser: { id: user.id, email: user.email },
    });
    expect(response.status).toBe(400);
    expectNoStackTrace(response);
    expect(response.error?.data.fieldErrors).toEqual([{ path: "rating", message: "Rating must be at most 5 stars" }]);
    expect(await db().templateRating.count({ where: { templateId: template.id } })).toBe(0);
  });

  it("keeps one rating per user, changeable, with the average recomputed", async () => {
    const [ann, bob] = [await createUser(), await createUser()];
    const template = await createTemplateRow();
    const annCaller = await callerFor(ann);
    expect(await annCaller.templates.rate({ slug: template.slug, rating: 5 })).toEqual({
      ratingAverage: 5,
      ratingCount: 1,
      myRating: 5,
    });
    expect(await (await callerFor(bob)).templates.rate({ slug: template.slug, rating: 2 })).toEqual({
      ratingAverage: 3.5,
      ratingCount: 2,
      myRating: 2,
    });
    expect(await annCaller.templates.rate({ slug: template.slug, rating: 3 })).toEqual({
      ratingAverage: 2.5,
      ratingCount: 2,
      myRating: 3,
    });
    expect(await db().templateRating.count({ where: { templateId: template.id } })).toBe(2);
    const detail = await loadTemplateDetail(db(), template.slug, { userId: ann.id, organizationIds: [] });
    expect(detail).toMatchObject({ myRating: 3, ratingAverage: 2.5, ratingCount: 2 });
    // Rating does not count as a change of the template's content.
    expect((await db().template.findUniqueOrThrow({ where: { id: template.id } })).updatedAt).toEqual(
      template.updatedAt,
    );
  });

  it("gets the average right when many users rate at once", async () => {
    const template = await createTemplateRow();
    const users = await Promise.all(Array.from({ length: 12 }, () => createUser()));
    const ratings = users.map((_, i) => (i % 5) + 1);
    const callers = await Promise.all(users.map((user) => callerFor(user)));
    await atOnce(
      callers.map((caller, i) => () => caller.templates.rate({ slug: template.slug, rating: ratings[i] as number })),
    );
    // And a second wave changing half of them, concurrently again.
    await atOnce(
      callers.slice(0, 6).map((caller, i) => () => {
        ratings[i] = 5 - (i % 5);
        return caller.templates.rate({ slug: template.slug, rating: ratings[i] as number });
      }),
    );
    const row = await db().template.findUniqueOrThrow({ where: { id: template.id } });
    const mean = ratings.reduce((sum, r) => sum + r, 0) / ratings.length;
    expect(row.ratingCount).toBe(12);
    expect(row.ratingAverage).toBeCloseTo(mean, 10);
  });

  it("needs a signed-in user and a template the user can see", async () => {
    const organization = await createOrganization();
    const stranger = await createUser();
    const template = await createTemplateRow();
    await expectTrpcError((await callerFor(null)).templates.rate({ slug: template.slug, rating: 4 }), "UNAUTHORIZED");
    const hidden = [
      await createTemplateRow({ organizationId: organization.id, visibility: "organization" }),
      await createTemplateRow({ status: "draft" }),
    ];
    for (const slug of ["no-such-template", ...hidden.map((t) => t.slug)]) {
      await expectTrpcError((await callerFor(stranger)).templates.rate({ slug, rating: 4 }), "NOT_FOUND");
    }
    // A member of the owner organization may rate its organization-only template.
    const member = await callerFor(organization.owner, organization.id);
    await expect(member.templates.rate({ slug: hidden[0]?.slug ?? "", rating: 4 })).resolves.toMatchObject({
      ratingCount: 1,
    });
  });

  it("refuses a rating out of range in the database too (CHECK constraint)", async () => {
    const user = await createUser();
    const template = await createTemplateRow();
    await expect(
      db().templateRating.create({ data: { templateId: template.id, userId: user.id, rating: 7 } }),
    ).rejects.toThrow(/TemplateRating_rating_check|check constraint/i);
  });
});
