import { Readable } from 'node:stream';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { readJiraCsv } from '../src/modules/imports/read-issues';
import { csvLine, jiraCsv, sampleRows } from './jira-files';

/** The file as an upload arrives: bytes in small chunks, so a character or a record can be cut anywhere. */
const upload = (bytes: Buffer, chunk = 7) =>
  Readable.from(
    Array.from({ length: Math.ceil(bytes.length / chunk) }, (_, i) =>
      bytes.subarray(i * chunk, (i + 1) * chunk),
    ),
  );
const read = (text: string | Buffer, chunk?: number) =>
  readJiraCsv(upload(Buffer.isBuffer(text) ? text : Buffer.from(text, 'utf8'), chunk));

const member = { email: 'dana@shop.dev', name: 'Dana Dev' };

describe('reading a Jira CSV upload', () => {
  it('reads multi-line quoted descriptions and repeated Sprint, Labels and Comment columns', async () => {
    const { issues } = await read(jiraCsv(sampleRows('SHOP', member)));
    const refund = issues.find((i) => i.key === 'SHOP-5')!;
    expect(refund.description).toBe(
      'h2. Steps\n# open an order\n# press {{Refund}}\n\nSee [the log|https://logs.example.com/a_1]',
    );
    expect(refund.sprints.map((s) => s.name)).toEqual(['Sprint 2', 'Sprint 3']);
    expect(refund.comments.map((c) => c.body)).toEqual(['Seen in *prod*', 'Fixing it']);
    expect(issues.find((i) => i.key === 'SHOP-3')!.labels).toEqual(['checkout', 'payments']);
    expect(issues.map((i) => i.line)).toEqual([2, 3, 4, 9, 13, 14]);
  });

  it('reads semicolon- and tab-separated files', async () => {
    for (const delimiter of [';', '\t']) {
      const { issues } = await read(jiraCsv(sampleRows('SHOP', member), { delimiter }));
      expect(issues.map((i) => i.key)).toEqual(['SHOP-7', 'SHOP-6', 'SHOP-5', 'SHOP-3', 'SHOP-2', 'SHOP-1']);
      expect(issues[2]!.comments[0]!.body).toBe('Seen in *prod*');
    }
  });

  it('reads UTF-8 with and without a byte-order mark, LF or CRLF, cut anywhere', async () => {
    const text =
      csvLine(['Summary', 'Issue key', 'Description']) +
      '\n' +
      csvLine(['Crème brûlée 🍮', 'SHOP-1', 'ligne 1\nligne 2']) +
      '\n';
    for (const bytes of [
      Buffer.from(text),
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]),
      Buffer.from(text.replaceAll('\n', '\r\n')),
    ]) {
      for (const chunk of [1, 3, 64]) {
        const { issues, notes } = await read(bytes, chunk);
        expect(issues).toMatchObject([{ key: 'SHOP-1', summary: 'Crème brûlée 🍮' }]);
        expect(issues[0]!.description.replace(/\r\n/g, '\n')).toBe('ligne 1\nligne 2');
        expect(notes).toEqual([]);
      }
    }
  });

  it('reads a Windows-1252 file (what Excel writes) without corrupting it, and says so', async () => {
    const text =
      'Résumé;Clé de ticket;État;Étiquettes;Étiquettes\r\nFaçade – « prix » 5 €;SHOP-4;À faire;été;hiver\r\n';
    const { issues, notes } = await read(iconv.encode(text, 'win1252'));
    expect(issues).toMatchObject([
      { key: 'SHOP-4', summary: 'Façade – « prix » 5 €', status: 'À faire', labels: ['été', 'hiver'] },
    ]);
    expect(notes).toEqual(['The file was read as Windows-1252 (it is not UTF-8)']);
  });

  it('reads Jira French headers', async () => {
    const text = [
      'Résumé,Clé de ticket,Type de ticket,État,Priorité,Responsable,Création,Sprint,Sprint,Champ personnalisé (Story Points),Commentaire',
      'Payer,SHOP-8,Bogue,En cours,Haute,Dana Dev,12/mars/24 15:45,S1,S2,"2,0",12/mars/24 16:00;Dana Dev;Vu',
    ].join('\r\n');
    const { issues } = await read(text);
    expect(issues[0]).toMatchObject({
      summary: 'Payer',
      key: 'SHOP-8',
      type: 'Bogue',
      status: 'En cours',
      priority: 'Haute',
      points: 2,
      created: '2024-03-12T15:45:00.000Z',
      assignee: { name: 'Dana Dev' },
      comments: [{ at: '2024-03-12T16:00:00.000Z', body: 'Vu' }],
    });
    expect(issues[0]!.sprints.map((s) => s.name)).toEqual(['S1', 'S2']);
  });

  it('keeps LexoRank values as they are, to order by', async () => {
    const { issues } = await read(
      'Summary,Issue key,Custom field (Rank)\r\nB,A-2,0|i0000c:\r\nA,A-1,1|hzzzzz:i\r\n',
    );
    expect(issues.map((i) => i.rank)).toEqual(['0|i0000c:', '1|hzzzzz:i']);
  });

  it('refuses an unclosed quote with the line it starts on', async () => {
    await expect(read('Summary,Issue key\r\nOK,A-1\r\n"Never closed,A-2\r\nmore\r\n')).rejects.toMatchObject({
      code: 'validation_failed',
      details: { line: 3 },
    });
  });

  it('refuses a file that mixes UTF-8 with another encoding', async () => {
    const bytes = Buffer.concat([Buffer.from('Summary\r\nCrème\r\n'), iconv.encode('Crème\r\n', 'win1252')]);
    await expect(read(bytes, 8)).rejects.toMatchObject({ code: 'validation_failed' });
  });
});
