import nodemailer from "nodemailer";

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

/** Sends through SMTP_URL when it is set; otherwise does nothing and says so (the UI shows a link to copy). */
export async function sendMail(mail: Mail): Promise<{ sent: boolean; error?: string }> {
  const url = process.env.SMTP_URL;
  if (!url) return { sent: false };
  try {
    const transport = nodemailer.createTransport(url);
    await transport.sendMail({ from: process.env.SMTP_FROM ?? "Pixel AI Creator <no-reply@localhost>", ...mail });
    return { sent: true };
  } catch (error) {
    // The invitation exists either way; report delivery failure without the SMTP URL (it may hold a password).
    return { sent: false, error: error instanceof Error ? error.message.replace(url, "[smtp]") : "delivery failed" };
  }
}
