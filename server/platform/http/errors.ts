import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, errorCatalogue, type ErrorBody, type ErrorCode, type ErrorDetail } from '../errors.ts';

function send(reply: FastifyReply, request: FastifyRequest, error: AppError) {
  const body: ErrorBody = {
    error: {
      code: error.code,
      message: error.message,
      ...(error.details?.length ? { details: error.details } : {}),
      requestId: String(request.id),
    },
  };
  if (error.headers) reply.headers(error.headers);
  return reply.status(error.status).type('application/json; charset=utf-8').send(body);
}

/** Fastify's own error codes for bad input, mapped onto our catalogue. */
const fastifyCodes: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_BODY_TOO_LARGE: 'BODY_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'VALIDATION_FAILED',
  FST_ERR_CTP_INVALID_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_VALIDATION: 'VALIDATION_FAILED',
  FST_ERR_ASYNC_CONSTRAINT: 'VALIDATION_FAILED',
};

export function toAppError(error: FastifyError | Error): AppError | null {
  if (error instanceof AppError) return error;
  const fastifyError = error as FastifyError;
  if (hasZodFastifySchemaValidationErrors(fastifyError)) {
    const details: ErrorDetail[] = fastifyError.validation.map((issue) => {
      const where = fastifyError.validationContext ?? 'body';
      const path = [
        where,
        ...String(issue.instancePath ?? '')
          .split('/')
          .filter(Boolean),
      ].join('.');
      const params = issue.params as { issue?: { code?: string; keys?: string[] } } | undefined;
      const keys = params?.issue?.keys;
      const message =
        params?.issue?.code === 'unrecognized_keys' && keys
          ? `Unknown field${keys.length > 1 ? 's' : ''}: ${keys.join(', ')}`
          : (issue.message ?? 'is not valid');
      return { path, message };
    });
    return new AppError('VALIDATION_FAILED', 'Some fields are not valid.', details);
  }
  if (fastifyError.code && fastifyCodes[fastifyError.code]) {
    const code = fastifyCodes[fastifyError.code]!;
    return new AppError(code, code === 'VALIDATION_FAILED' ? error.message : undefined);
  }
  if (error instanceof SyntaxError && (fastifyError.statusCode ?? 0) === 400)
    return new AppError('MALFORMED_JSON');
  const status = fastifyError.statusCode;
  if (status === 413) return new AppError('BODY_TOO_LARGE');
  if (status === 415) return new AppError('UNSUPPORTED_MEDIA_TYPE');
  if (status === 405) return new AppError('METHOD_NOT_ALLOWED');
  if (status && status >= 400 && status < 500 && !isResponseSerializationError(fastifyError)) {
    return new AppError('VALIDATION_FAILED', error.message);
  }
  return null;
}

/** One place maps every thrown thing to the error format; nothing internal reaches the client. */
export function registerErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const known = toAppError(error);
    if (known) {
      if (known.status >= 500) request.log.error({ err: error }, 'request failed');
      return send(reply, request, known);
    }
    request.log.error({ err: error }, 'unexpected error');
    return send(reply, request, new AppError('INTERNAL'));
  });
  app.setNotFoundHandler((request, reply) =>
    send(
      reply,
      request,
      new AppError('ROUTE_NOT_FOUND', `There is no endpoint ${request.method} ${request.url.split('?')[0]}.`),
    ),
  );
}

export { errorCatalogue };
