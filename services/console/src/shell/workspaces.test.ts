import { describe, expect, it } from 'vitest';
import { allowed } from './permissions';
import { landingFor, workspacesFor } from './workspaces';

describe('navigation per role follows the gateway permission table', () => {
  it('gives agents the desk, their call queue and the ticket queue', () => {
    expect(workspacesFor('agent').map((w) => w.key)).toEqual(['home', 'desk', 'calls', 'queue', 'register', 'messages']);
    expect(landingFor('agent')).toBe('/desk');
  });
  it('lands a callback agent on the callback desk, with reassigning and answer links', () => {
    expect(workspacesFor('callback_agent').map((w) => w.key)).toEqual(['home', 'calls', 'queue', 'messages']);
    expect(landingFor('callback_agent')).toBe('/calls');
    expect(allowed('callback_agent', 'reassignCallTask')).toBe(true);
    expect(allowed('agent', 'reassignCallTask')).toBe(false);
    expect(allowed('agent', 'recordCallbackAttempt')).toBe(false);
  });
  it('gives the sent messages to the desk and their managers only', () => {
    for (const role of ['agent', 'dispatcher', 'callback_agent', 'manager', 'admin']) expect(workspacesFor(role).map((w) => w.key)).toContain('messages');
    for (const role of ['technician', 'warehouse', 'finance', 'customer']) expect(workspacesFor(role).map((w) => w.key)).not.toContain('messages');
    expect(allowed('technician', 'listTicketMessages')).toBe(false);
  });
  it('gives a warehouse clerk the warehouse and no ticket page', () => {
    expect(workspacesFor('warehouse').map((w) => w.key)).toEqual(['home', 'warehouse']);
    expect(allowed('warehouse', 'listTickets')).toBe(false);
    expect(landingFor('warehouse')).toBe('/warehouse');
  });
  it('gives the manager the warehouse with the decisions, the clerk without them', () => {
    expect(workspacesFor('manager').map((w) => w.key)).toContain('warehouse');
    expect(allowed('manager', 'decideStocktake')).toBe(true);
    expect(allowed('warehouse', 'decideStocktake')).toBe(false);
    expect(allowed('warehouse', 'approveForecastPlan')).toBe(false);
    expect(workspacesFor('agent').map((w) => w.key)).not.toContain('warehouse');
  });
  it('gives finance the cashier workspace, the manager its approvals, agents neither', () => {
    expect(workspacesFor('finance').map((w) => w.key)).toEqual(['home', 'cashier', 'warehouse']);
    expect(landingFor('finance')).toBe('/cashier');
    expect(workspacesFor('manager').map((w) => w.key)).toContain('cashier');
    expect(allowed('manager', 'approveCashVariance')).toBe(true);
    expect(allowed('finance', 'approveCashVariance')).toBe(false);
    expect(workspacesFor('agent').map((w) => w.key)).not.toContain('cashier');
  });
  it('lands a technician on the field app, which no other role gets', () => {
    expect(workspacesFor('technician').map((w) => w.key)).toEqual(['home', 'field']);
    expect(landingFor('technician')).toBe('/field');
    expect(allowed('dispatcher', 'completeWorkOrder')).toBe(true);
    expect(workspacesFor('dispatcher').map((w) => w.key)).not.toContain('field');
    expect(workspacesFor('admin').map((w) => w.key)).not.toContain('field');
  });
  it('keeps actions to the roles the gateway allows', () => {
    expect(allowed('agent', 'assignTicketOwner')).toBe(true);
    expect(allowed('dispatcher', 'assignTicketOwner')).toBe(false);
    expect(allowed(undefined, 'signIn')).toBe(true);
  });
});

describe('workspace labels', () => {
  it('exist in both languages', async () => {
    const { WORKSPACES } = await import('./workspaces');
    const { resources } = await import('../i18n');
    for (const w of WORKSPACES) {
      const [ns, key] = w.label.split(':') as [string, string];
      for (const lang of ['zh-CN', 'en'] as const) {
        const table = (resources[lang] as unknown as Record<string, Record<string, unknown>>)[ns];
        expect(typeof table?.[key], `${lang} ${w.label}`).toBe('string');
      }
    }
  });
});
