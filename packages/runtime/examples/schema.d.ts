/**
 * The shape openapi-typescript generates (`generated/<slug>/schema.d.ts`), cut down to the two operations
 * the example uses. A provider package imports its real, generated `paths` instead.
 */
export interface paths {
  '/products': {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get: operations['listProducts'];
  };
  '/simulations': {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    post: operations['createSimulation'];
  };
}

export interface components {
  schemas: {
    Product: { id: string; name: string };
    SimulationRequest: { productId: string; registrationNumber: string; amount: number };
    Simulation: { id: string; installments: number; totalAmount: number };
    Errors: { errors: { message: string }[] };
  };
}

export interface operations {
  listProducts: {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    requestBody?: never;
    responses: {
      200: { headers: { [name: string]: unknown }; content: { 'application/json': { items: components['schemas']['Product'][] } } };
      401: { headers: { [name: string]: unknown }; content?: never };
    };
  };
  createSimulation: {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    requestBody: { content: { 'application/json': components['schemas']['SimulationRequest'] } };
    responses: {
      201: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Simulation'] } };
      400: { headers: { [name: string]: unknown }; content: { 'application/json': components['schemas']['Errors'] } };
      401: { headers: { [name: string]: unknown }; content?: never };
    };
  };
}
