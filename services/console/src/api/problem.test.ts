import { describe, expect, it } from 'vitest';
import { fieldErrors, type Problem } from './problem';
import { formPath } from '../desk/NewTicketForm';

const problem: Problem = {
  type: 'urn:aftercare:problem:validation_failed',
  title: 'The request is not valid',
  status: 422,
  detail: '…',
  code: 'validation_failed',
  errors: [
    { field: 'customer.phone', code: 'invalid', message: 'bad phone' },
    { field: 'machine', code: 'required', message: 'a return names the machine' },
    { field: 'machine.serial', code: 'required', message: 'serial' },
    { field: 'return_reason', code: 'required', message: 'say why' },
    { field: 'attachments[0].url', code: 'invalid', message: 'not a URL' },
  ],
};

describe('server field errors', () => {
  it('land on the form field named like the request body; the rest is shown above the form', () => {
    const { fields, other } = fieldErrors(problem, (p) => formPath(p, 'new') !== null, (code, m) => (code === 'required' ? 'REQUIRED' : m));
    expect(fields.map((f) => [formPath(f.name, 'new'), f.errors])).toEqual([
      [['customer', 'phone'], ['bad phone']],
      [['machine'], ['REQUIRED']],
      [['new_machine', 'serial'], ['REQUIRED']],
      [['return_reason'], ['REQUIRED']],
    ]);
    expect(other).toEqual(['attachments[0].url: not a URL']);
  });
  it('put a machine error on the machine picker when an existing machine was picked', () => {
    expect(formPath(['machine', 'serial'], 'some-id')).toEqual(['machine']);
  });
  it('read array indexes in paths', () => {
    const { fields } = fieldErrors({ ...problem, errors: [{ field: 'contacts[0].name', code: 'required', message: 'm' }] }, () => true);
    expect(fields[0]?.name).toEqual(['contacts', 0, 'name']);
  });
});
