import Link from "next/link";

export default function NotFound() {
  return (
    <main id="content" tabIndex={-1} className="py-16 outline-none">
      <div className="prose">
        <h1>Page not found</h1>
        <p>
          There is no page at this address. Go back to the <Link href="/">documentation home</Link>.
        </p>
      </div>
    </main>
  );
}
