import { describe, expect, it } from 'vitest';
import { auditCsv, brasiliaTime, csvCell } from './audit-csv';

describe('audit CSV', () => {
  it('quotes separators, quotes and line breaks (RFC 4180)', () => {
    expect(csvCell('a;b', ';')).toBe('"a;b"');
    expect(csvCell('a,b', ';')).toBe('a,b');
    expect(csvCell('say "hi"', ',')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines', ',')).toBe('"two\nlines"');
    expect(csvCell(null, ',')).toBe('');
  });

  it('neutralises cells a spreadsheet would run as formulas', () => {
    expect(csvCell('=1+1', ',')).toBe("'=1+1");
    expect(csvCell('+55 11', ',')).toBe("'+55 11");
    expect(csvCell('-x', ',')).toBe("'-x");
    expect(csvCell('@SUM(A1)', ',')).toBe("'@SUM(A1)");
    expect(csvCell('=HYPERLINK("x";"y")', ';')).toBe('"\'=HYPERLINK(""x"";""y"")"');
  });

  it('prints times in Brasília as dd/mm/aaaa hh:mm:ss', () => {
    expect(brasiliaTime('2026-01-18T17:32:05.000Z')).toBe('18/01/2026 14:32:05');
  });

  it('writes a BOM, a translated header, CRLF rows and marks work under a grant', () => {
    const csv = auditCsv(
      [
        {
          createdAt: '2026-01-18T17:32:05.000Z',
          account: { id: 'a', name: 'Empresa; Ltda' },
          actor: { type: 'staff', id: 's', name: 'Sofia', email: 'sofia@staff.test' },
          grant: { id: 'g', kind: 'support', scope: 'full' },
          action: 'bucket.created',
          resourceType: 'bucket',
          resourceId: 'b',
          details: { name: 'x' },
          ip: '10.0.0.1',
          userAgent: 'UA',
        },
      ],
      'pt-BR',
    );
    expect(csv.startsWith('\uFEFFData/hora (Brasília);Conta;Ator;')).toBe(true);
    const [, row] = csv.replace('\uFEFF', '').split('\r\n');
    expect(row).toBe(
      '18/01/2026 14:32:05;"Empresa; Ltda";Sofia (via autorização);Equipe do provedor;sofia@staff.test;g (support, full);bucket.created;bucket;b;"{""name"":""x""}";10.0.0.1;UA',
    );
    expect(auditCsv([], 'en').startsWith('\uFEFFTime (Brasília),Account,Actor,')).toBe(true);
  });
});
