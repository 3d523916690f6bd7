import { liveClientMessage, type LiveClientMessage } from '@ordo/domain';

export type ParsedFrame = { ok: true; message: LiveClientMessage } | { ok: false; reason: string };

/** Reads one client frame: text, JSON, and one of the contract's messages; anything else says why not. */
export function parseClientFrame(text: string | undefined): ParsedFrame {
  if (text === undefined) return { ok: false, reason: 'Send text frames with JSON messages' };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'The frame is not JSON' };
  }
  const parsed = liveClientMessage.safeParse(json);
  if (parsed.success) return { ok: true, message: parsed.data };
  const reason = parsed.error.issues.map((i) => `${i.path.join('.') || 'message'}: ${i.message}`).join('; ');
  return { ok: false, reason };
}
