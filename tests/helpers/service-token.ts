// The service token every test gives the services it starts and the gRPC clients it makes.
export const TEST_SERVICE_TOKEN = 'test-service-token-0123456789abcdef';
