/**
 * Nossa Fintech INSS: create an operation, then track it by its `debt_key` (seeds 000 and 001).
 *
 * `POST /inss/v1/operation` stores the operation and answers the four fields the spec's create response
 * models (`debt_key`, `link_form`, `num_contrato`, `dsc_situacao_emprestimo`) plus `credit_operation_key`
 * (the response allows more fields, and the tracking call requires that key). `GET
 * /inss/v1/operation/{debt_key}?credit_operation_key=…` answers the stored record, built from the request:
 *
 *   from the request   cod_cpf_cliente, nom_cliente, email_cliente, dat_nascimento, nom_mae, address
 *                      (nom_logradouro, num_predio, nom_bairro, sig_unidade_federacao, cod_endrcmnt_pstl,
 *                      dsc_cmplmnt_endrc, nom_localidade), num_telefone_celular (`+` DDI DDD number, as
 *                      documented), the bank account (ispb_number, branch_number, account_type, account_number,
 *                      account_digit, pix_transfer_type), benefit_number (as a string), benefit_state,
 *                      credit_type, assistance_type, marital_status, cod_tabela, qtd_parcela (string),
 *                      val_liquido = disbursed_amount, val_emissao = issue_amount, first_installment_value =
 *                      installment_face_value, first_installment_date = first_due_date at midnight, in100 = IN100
 *   as documented      link_form null, dsc_situacao_emprestimo `waiting_signature`, histories[0] `Rascunho` /
 *                      `Registro Criado`, has_insurance false, every field shown only as null stays null, and
 *                      the partner's own constants of the example (nic_ctr_usuario, promot_id, purchaser)
 *   derived            bank_name (the example's bank, else ../banks.ts, else the bank code); cod_produto = the
 *                      first three digits of cod_tabela (208001 → 208 in the example); interest_rate = the monthly
 *                      rate at which the installments repay issue_amount (the API's own is not documented);
 *                      dsc_produto `INSS NOVO 1,92%` and dsc_tipo_proposta_emprestimo `Novo` (the example is a
 *                      `Refin-Port` and the create page is for new loans; both labels are the sandbox's)
 *   generated          id and histories[].id (sequences), debt_key and credit_operation_key (UUIDs),
 *                      related_party_key (one per CPF), num_contrato `CTC0000000001` (the example's layout),
 *                      ccb_pdf (a URL on the reserved `.invalid` domain: the sandbox issues no document),
 *                      dat_emprestimo, created_at, modified_at and event_datetime (now, Brasília time)
 *
 * An unknown `debt_key`, or a `credit_operation_key` that is not the operation's, is a 404 in the provider's
 * error envelope (`{data, title, description, translation, extra_fields, code}`); the route documents no
 * error, so its status and `code` (`SANDBOX_NOT_FOUND`) are the sandbox's.
 */
import { isObject, type Json } from '../catalog/openapi.js';
import type { AnswerSpec } from '../http/prepared-response.js';
import { pythonJsonDumps } from '../providers/nossa-fintech-inss.js';
import { bankByIspb } from './banks.js';
import { localDateTime, newId, type Clock } from './clock.js';
import type { SpecData } from './spec-data.js';
import type { CreateOperationRequest, InssOperation } from './state.js';
import { findInssOperation, insertInssOperation, nextValue, relatedParty, type Scope, type TenantScope } from './storage/records.js';

/** Each call runs in the request's transaction and sees only the scope's tenant. */
export interface InssDesk {
  create(scope: TenantScope, body: CreateOperationRequest): Promise<AnswerSpec>;
  track(scope: Scope, debtKey: string, creditOperationKey: string | undefined): Promise<AnswerSpec>;
}

/** Monthly rate `i` with `payment · (1 − (1 + i)^−n) / i = principal`; 0 when the payments do not exceed it. */
export function annuityRate(principal: number, payment: number, installments: number): number {
  if (!(principal > 0 && payment > 0 && installments > 0) || payment * installments <= principal) return 0;
  const value = (rate: number): number => (payment * (1 - (1 + rate) ** -installments)) / rate;
  let low = 1e-9;
  let high = 1;
  for (let i = 0; i < 100; i++) {
    const middle = (low + high) / 2;
    if (value(middle) > principal) low = middle;
    else high = middle;
  }
  return (low + high) / 2;
}

function notFound(description: string): AnswerSpec {
  const inner = {
    title: 'Operation Not Found',
    description,
    translation: 'Operação não encontrada',
    extra_fields: {},
    code: 'SANDBOX_NOT_FOUND',
  };
  return { status: 404, body: { data: pythonJsonDumps(inner), ...inner } };
}

function field(value: Json | undefined, name: string): Json {
  if (!isObject(value) || !(name in value)) throw new Error(`the sandbox needs "${name}" in the getOperation example`);
  return value[name] as Json;
}

export function createInssDesk(spec: SpecData, clock: Clock): InssDesk {
  const tracked = spec.responseExample('getOperation', '200');
  const example = field(tracked, 'operation');
  const firstHistory = (field(tracked, 'histories') as Json[])[0];
  const constants = {
    nic_ctr_usuario: String(field(example, 'nic_ctr_usuario')),
    promot_id: Number(field(example, 'promot_id')),
    purchaser: String(field(example, 'purchaser')),
    dsc_situacao_emprestimo: String(field(example, 'dsc_situacao_emprestimo')),
    historyStatus: String(field(firstHistory, 'status')),
    historyDescription: String(field(firstHistory, 'description')),
  };
  const documentedBank = { ispb: String(field(example, 'ispb_number')), name: String(field(example, 'bank_name')) };
  const bankName = (ispb: string, code: string): string =>
    ispb === documentedBank.ispb ? documentedBank.name : (bankByIspb(ispb)?.name ?? code);

  return {
    async create(scope, { client, operation: terms }) {
      const now = localDateTime(clock());
      const debtKey = newId();
      const creditOperationKey = newId();
      const contract = `CTC${String(await nextValue(scope, 'inss.contract')).padStart(10, '0')}`;
      const partyKey = await relatedParty(scope, client.document_number, newId);
      const rate = annuityRate(terms.issue_amount, terms.installment_face_value, terms.number_of_installments);
      const account = client.bank_account;
      const operation: InssOperation = {
        id: await nextValue(scope, 'inss.operationId'),
        debt_key: debtKey,
        link_form: null,
        ccb_pdf: `https://ccb.sandbox.invalid/documents/${debtKey}/CCB-${contract}.pdf`,
        benefit_number: String(terms.benefit_number),
        ispb_number: account.ispb_number,
        branch_number: account.branch_number,
        account_type: account.account_type,
        account_number: account.account_number,
        account_digit: account.account_digit,
        pix_transfer_type: account.pix_transfer_type,
        pix_key: null,
        num_proposta: null,
        num_contrato: contract,
        dsc_tipo_proposta_emprestimo: 'Novo',
        cod_produto: terms.cod_tabela.slice(0, 3),
        cod_tabela: terms.cod_tabela,
        dsc_produto: `INSS NOVO ${(rate * 100).toFixed(2).replace('.', ',')}%`,
        interest_rate: rate.toFixed(6),
        dsc_situacao_emprestimo: constants.dsc_situacao_emprestimo,
        dat_emprestimo: now,
        nic_ctr_usuario: constants.nic_ctr_usuario,
        cod_cpf_cliente: client.document_number,
        nom_cliente: client.person_name,
        email_cliente: client.email,
        dat_nascimento: client.birth_date,
        nom_logradouro: client.street,
        num_predio: client.number,
        nom_bairro: client.neighborhood,
        sig_unidade_federacao: client.state,
        cod_endrcmnt_pstl: client.postal_code,
        dsc_cmplmnt_endrc: client.complement,
        nom_localidade: client.city,
        num_telefone_celular: `+${client.country_code}${client.area_code}${client.phone_number}`,
        nom_mae: client.mother_name,
        qtd_parcela: String(terms.number_of_installments),
        val_liquido: terms.disbursed_amount,
        dat_credito: null,
        promot_id: constants.promot_id,
        key_bilhete_seguro: null,
        link_nuvidio_invite: null,
        link_bilhete_seguro: null,
        email_master: null,
        link_cmp_pgmt: null,
        has_insurance: false,
        val_seguro: null,
        val_emissao: terms.issue_amount,
        marital_status: client.marital_status,
        related_party_key: partyKey,
        first_installment_value: terms.installment_face_value,
        first_installment_date: `${terms.first_due_date}T00:00:00`,
        credit_operation_key: creditOperationKey,
        process_id: null,
        unico_score: null,
        serpro_score: null,
        credit_type: terms.credit_type,
        assistance_type: terms.assistance_type,
        balance_request_info: null,
        benefit_state: terms.benefit_state,
        legal_representative: null,
        created_at: now,
        modified_at: now,
        policy_number: null,
        in100: terms.IN100,
        purchaser: constants.purchaser,
        op_stage_id: null,
        requester_identifier_key: null,
        bank_name: bankName(account.ispb_number, account.bank_code),
      };
      const history = {
        id: await nextValue(scope, 'inss.historyId'),
        debt_key: debtKey,
        credit_operation_key: creditOperationKey,
        status: constants.historyStatus,
        description: constants.historyDescription,
        event_datetime: now,
      };
      await insertInssOperation(scope, { operation, histories: [history] });
      return {
        status: 200,
        body: {
          debt_key: debtKey,
          link_form: operation.link_form,
          num_contrato: contract,
          dsc_situacao_emprestimo: operation.dsc_situacao_emprestimo,
          credit_operation_key: creditOperationKey,
        },
      };
    },

    async track(scope, debtKey, creditOperationKey) {
      const stored = await findInssOperation(scope, debtKey.toLowerCase());
      if (!stored) return notFound(`No operation has debt_key ${debtKey}.`);
      if (creditOperationKey !== undefined && creditOperationKey.toLowerCase() !== stored.operation.credit_operation_key) {
        return notFound(`credit_operation_key ${creditOperationKey} is not the key of the operation ${debtKey}.`);
      }
      return { status: 200, body: stored };
    },
  };
}
