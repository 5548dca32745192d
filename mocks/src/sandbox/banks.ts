/**
 * The few banks the sandbox can name, as the Central Bank's participant list (STR) writes them — the form
 * both providers show: `BCO DO BRASIL S.A.` (ECCOR FGTS, bank 1, ISPB 00000000) and `ITAÚ UNIBANCO S.A.`
 * (Nossa Fintech INSS, ISPB 60701190). The spec examples are read first (eccor-fgts/display.ts, inss.ts);
 * this table only covers other common banks, and `test/sandbox` checks it agrees with the examples. A bank
 * that is not here has no name (`bankCodeDisplay: null`, `bankIspb: null`; INSS: `bank_name` is its code).
 */
export interface Bank {
  /** COMPE code, as a number (`1`, `341`). */
  readonly compe: number;
  /** ISPB, eight digits (`00000000`). */
  readonly ispb: string;
  readonly name: string;
}

export const BANKS: readonly Bank[] = [
  { compe: 1, ispb: '00000000', name: 'BCO DO BRASIL S.A.' },
  { compe: 33, ispb: '90400888', name: 'BCO SANTANDER (BRASIL) S.A.' },
  { compe: 77, ispb: '00416968', name: 'BANCO INTER' },
  { compe: 104, ispb: '00360305', name: 'CAIXA ECONOMICA FEDERAL' },
  { compe: 237, ispb: '60746948', name: 'BCO BRADESCO S.A.' },
  { compe: 260, ispb: '18236120', name: 'NU PAGAMENTOS - IP' },
  { compe: 336, ispb: '31872495', name: 'BCO C6 S.A.' },
  { compe: 341, ispb: '60701190', name: 'ITAÚ UNIBANCO S.A.' },
  { compe: 457, ispb: '39587424', name: 'UY3 SCD S/A' },
];

/** By COMPE code as sent (`"1"`, `"001"`, `"341"`). */
export function bankByCode(code: string): Bank | undefined {
  if (!/^\d{1,3}$/.test(code)) return undefined;
  const compe = Number(code);
  return BANKS.find((bank) => bank.compe === compe);
}

export function bankByIspb(ispb: string): Bank | undefined {
  return BANKS.find((bank) => bank.ispb === ispb);
}
