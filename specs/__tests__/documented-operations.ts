/**
 * What the providers' documents define, read off `../shared/seeds/` by hand. The coverage test compares
 * each spec with this list both ways: a documented operation missing from a spec fails, and so does a spec
 * operation that no document defines. Change this file only when a document changes.
 */

export interface DocumentedOperation {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Path as the spec writes it (path parameter names included). */
  path: string;
  /** Seed file and the page's own title. */
  source: string;
}

export interface DocumentedWebhook {
  /** Key under the spec's `webhooks`. */
  name: string;
  source: string;
}

export interface DocumentedProvider {
  operations: DocumentedOperation[];
  webhooks: DocumentedWebhook[];
}

export const documented: Record<string, DocumentedProvider> = {
  'nossa-fintech-inss': {
    operations: [
      { method: 'POST', path: '/inss/v1/operation', source: '001 "Criação de Operação"' },
      { method: 'GET', path: '/inss/v1/operation/{debt_key}', source: '000 "Acompanhamento de Operação por DEBT_KEY"' },
    ],
    webhooks: [],
  },
  'banco-cdc': {
    operations: [
      { method: 'GET', path: '/operation/{operation_code}', source: '002 "Retrieve details operation" (route from provider notes)' },
    ],
    webhooks: [],
  },
  zemo: {
    operations: [{ method: 'GET', path: '/api/operations/{id}', source: '003 "Consultar operação"' }],
    webhooks: [],
  },
  'eccor-fgts': {
    operations: [
      { method: 'POST', path: '/oauth2/token', source: '004 1.1 "POST - Autenticação"' },
      { method: 'GET', path: '/v1/Product', source: '004 1.3 "GET Listar Produtos"' },
      { method: 'POST', path: '/v1/Amortization', source: '004 2.0 "POST Realizar Simulação"' },
      { method: 'POST', path: '/v1/NaturalPerson', source: '004 3.0 "POST Inserir Pessoa Física"' },
      { method: 'GET', path: '/v1/NaturalPerson', source: '004 3.0 "GET Listar Pessoas"' },
      { method: 'GET', path: '/v1/NaturalPerson/{id}', source: '004 3.0 "GET Listar Pessoas por ID"' },
      { method: 'PUT', path: '/v1/NaturalPerson/{id}', source: '004 3.0 "PUT Atualizar Pessoa Física"' },
      { method: 'POST', path: '/v1/NaturalPerson/{id}/BankAccount', source: '004 3.0 "POST Inserir Dado Bancário"' },
      { method: 'PUT', path: '/v1/NaturalPerson/{id}/BankAccount/{bankAccountId}', source: '004 3.0 "PUT Atualizar Dado Bancário"' },
      { method: 'DELETE', path: '/v1/NaturalPerson/{id}/BankAccount/{bankAccountId}', source: '004 3.0 "DELETE Dado Bancário"' },
      { method: 'POST', path: '/v1/CreditNote', source: '004 4.0 "POST Inserir Operação de Crédito"' },
      { method: 'POST', path: '/v1/CreditNote/{id}/SubmitApproval', source: '004 4.0 "POST Enviar Operação de Crédito para Análise"' },
      { method: 'POST', path: '/v1/CreditNote/{id}/donePaymentRevision', source: '004 4.0 "POST Revisão de Pagamento"' },
    ],
    webhooks: [
      { name: 'complianceApproval', source: '004 5.0 "POST Aprovação de Compliance"' },
      { name: 'creditApproval', source: '004 5.0 "POST Aprovação de Crédito"' },
      { name: 'signatureCollection', source: '004 5.0 "POST Coleta de Assinatura"' },
      { name: 'signatureValidation', source: '004 5.0 "POST Validação de Assinatura"' },
      { name: 'liquidation', source: '004 5.0 "POST Liquidação"' },
      { name: 'manualLiquidation', source: '004 5.0 "POST Liquidação Manual"' },
      { name: 'paymentRevision', source: '004 5.0 "POST Revisão de Pagamento"' },
    ],
  },
};
