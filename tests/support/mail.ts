// Reads the mail the reference backend writes with `--mail-dir`: one RFC 5322 `.eml` file per
// mail, named so that sorting by name sorts by time. The global setup gives the live and setup
// backends a fresh directory each and exports it as SP_LIVE_MAIL_DIR / SP_SETUP_MAIL_DIR.
//
//   import { liveMailDir, mailsTo, invitationLink } from '../support/mail';
//   const dir = liveMailDir();                      // undefined against another backend
//   const [invite] = mailsTo(dir!, 'ana@example.com');
//   await page.goto(invitationLink(invite)!);       // http://…/set-password#token=…
//
// The backend writes a mail before it answers the request that caused it, so no waiting is
// needed after that request.
import fs from 'node:fs';
import path from 'node:path';

/** One mail, parsed. */
export interface Mail {
  /** The file it was read from. */
  file: string;
  /** Every header, lowercased name → unfolded value with RFC 2047 words decoded. */
  headers: Record<string, string>;
  /** The recipient's address, lowercased (`ana@example.com`). */
  to: string;
  /** The decoded subject. */
  subject: string;
  /** The decoded body, with `\n` line ends. */
  body: string;
}

/** The live backend's mail directory; undefined when testing another backend. */
export function liveMailDir(): string | undefined {
  return process.env.SP_CONFORMANCE_BASE_URL ? undefined : process.env.SP_LIVE_MAIL_DIR;
}

/** The live backend's mail directory, for a test that cannot run without it. */
export function requireLiveMailDir(): string {
  const dir = liveMailDir();
  if (!dir) throw new Error('no mail directory: only the reference backend started by the global setup has one');
  return dir;
}

/** The setup-phase backend's mail directory. */
export function setupMailDir(): string | undefined {
  return process.env.SP_SETUP_MAIL_DIR;
}

/** Every mail of a directory, oldest first (none if the directory does not exist yet). */
export function readMails(dir: string): Mail[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.eml'))
    .sort()
    .map((name) => parseMail(fs.readFileSync(path.join(dir, name)), path.join(dir, name)));
}

/** The mails to one address (any case), oldest first. */
export function mailsTo(dir: string, email: string): Mail[] {
  const address = email.trim().toLowerCase();
  return readMails(dir).filter((m) => m.to === address);
}

/** The set-password link of an invitation mail (`…/set-password#token=…`), if it has one. */
export function invitationLink(mail: Mail): string | undefined {
  return mail.body.match(/https?:\/\/\S+\/set-password#token=[A-Za-z0-9_-]+/)?.[0];
}

/** The token of an invitation link, as `POST /invitations/inspect` and `accept` want it. */
export function tokenOfLink(link: string): string | undefined {
  return link.split('#token=')[1];
}

/** The token of an invitation mail's link. */
export function invitationToken(mail: Mail): string | undefined {
  const link = invitationLink(mail);
  return link === undefined ? undefined : tokenOfLink(link);
}

/** Parses an RFC 5322 message (headers, RFC 2047 words, 8bit / quoted-printable / base64 body). */
export function parseMail(raw: Buffer, file = ''): Mail {
  const text = raw.toString('latin1'); // bytes kept 1:1; decoded as UTF-8 where it matters
  const split = text.search(/\r?\n\r?\n/);
  const head = split < 0 ? text : text.slice(0, split);
  const rawBody = split < 0 ? '' : text.slice(split).replace(/^\r?\n\r?\n/, '');
  const headers: Record<string, string> = {};
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = decodeWords(utf8(line.slice(colon + 1).trim()));
  }
  const encoding = (headers['content-transfer-encoding'] ?? '8bit').toLowerCase();
  let bytes: Buffer;
  if (encoding === 'base64') bytes = Buffer.from(rawBody.replace(/\s+/g, ''), 'base64');
  else if (encoding === 'quoted-printable') bytes = quotedPrintable(rawBody);
  else bytes = Buffer.from(rawBody, 'latin1');
  const to = headers['to'] ?? '';
  return {
    file,
    headers,
    to: (to.match(/<([^>]+)>\s*$/)?.[1] ?? to).trim().toLowerCase(),
    subject: headers['subject'] ?? '',
    body: bytes.toString('utf8').replace(/\r\n/g, '\n'),
  };
}

/** Latin-1 text holding UTF-8 bytes, as text. */
function utf8(latin1: string): string {
  return Buffer.from(latin1, 'latin1').toString('utf8');
}

/** Decodes RFC 2047 encoded words (`=?utf-8?b?…?=`, `=?utf-8?q?…?=`); the space between two
 * adjacent words is not part of the text. */
function decodeWords(value: string): string {
  const word = /=\?([^?]+)\?([bBqQ])\?([^?]*)\?=/g;
  return value
    .replace(/(\?=)\s+(?==\?)/g, '$1')
    .replace(word, (_, charset: string, kind: string, data: string) => {
      const bytes = kind.toLowerCase() === 'b'
        ? Buffer.from(data, 'base64')
        : quotedPrintable(data.replace(/_/g, ' '));
      return new TextDecoder(charset.toLowerCase()).decode(bytes);
    });
}

/** Quoted-printable to bytes: `=XX` escapes and `=` soft line breaks. */
function quotedPrintable(text: string): Buffer {
  const out: number[] = [];
  const s = text.replace(/=\r?\n/g, '');
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(s.slice(i + 1, i + 3))) {
      out.push(parseInt(s.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      out.push(s.charCodeAt(i) & 0xff);
    }
  }
  return Buffer.from(out);
}
