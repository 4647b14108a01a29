// The console's workspaces: one entry per page in the menu. A workspace is shown to a role
// only when the role may call every operation it `requires`, so no menu item answers 403.
// To add one: write its page under src/<name>/, add its strings as a namespace in both
// i18n files, and add an entry here (see docs/CONSOLE.md).
import type { ComponentType } from 'react';
import { lazyPage } from './lazyPage';
import { AccountBookOutlined, BarChartOutlined, CarOutlined, CustomerServiceOutlined, FieldTimeOutlined, HomeOutlined, InboxOutlined, MailOutlined, PhoneOutlined, ScheduleOutlined, UnorderedListOutlined } from '@ant-design/icons';
import type { OperationId } from '../api/permissions';
import { allowed } from './permissions';
import type { WorkspaceLink } from './workspaceMenu';
import { SettingOutlined } from '@ant-design/icons';

/** A page of the console: its link and what it needs. */
export interface Workspace extends WorkspaceLink {
  /** Operations the page needs; the role must be allowed all of them. */
  requires: OperationId[];
  /** The page, loaded on first visit (a chunk of its own). */
  component: ComponentType;
  /** Only these roles, when the operations alone would let others in too. */
  roles?: string[];
}

/** Every workspace, in menu order. */
export const WORKSPACES: Workspace[] = [
  {
    key: 'home',
    path: 'home',
    label: 'shell:home',
    icon: <HomeOutlined />,
    requires: ['whoAmI'],
    component: lazyPage(() => import('../pages/Home')),
  },
  {
    // The technician's field app: their landing page (first after home), so listed before
    // the other workspaces; only technicians may report visits and see their own route.
    key: 'field',
    path: 'field',
    label: 'field:menu',
    icon: <CarOutlined />,
    requires: ['listWorkOrders', 'getDayPlan', 'moveWorkOrder', 'completeWorkOrder', 'getTechnician'],
    roles: ['technician'],
    component: lazyPage(() => import('../field/FieldPage')),
  },
  {
    key: 'desk',
    path: 'desk',
    label: 'shell:desk',
    icon: <CustomerServiceOutlined />,
    requires: ['findCustomers', 'openTicket', 'listTickets', 'listMachines'],
    component: lazyPage(() => import('../desk/DeskPage')),
  },
  {
    key: 'calls',
    path: 'calls',
    label: 'calls:menu',
    icon: <PhoneOutlined />,
    requires: ['listCallTasks', 'getCallTask', 'recordCallTaskAttempt', 'closeCallTask'],
    component: lazyPage(() => import('../calls/CallsPage')),
  },
  {
    key: 'queue',
    path: 'queue',
    label: 'shell:queue',
    icon: <UnorderedListOutlined />,
    requires: ['listTickets', 'getTicket'],
    component: lazyPage(() => import('../desk/QueuePage')),
  },
  {
    // The report-back register for the desk, whose agents take the technicians' calls;
    // dispatchers reach the same page from their board (`/board/register`).
    key: 'register',
    path: 'register',
    label: 'register:menu',
    icon: <FieldTimeOutlined />,
    requires: ['getReportBackRegister', 'recordReportBack', 'recordDeparture'],
    roles: ['agent'],
    component: lazyPage(() => import('../board/RegisterPage')),
  },
  {
    // What customers were told (or, in trial mode, would have been): the desk's.
    key: 'messages',
    path: 'messages',
    label: 'messages:menu',
    icon: <MailOutlined />,
    requires: ['listMessages', 'getMessage', 'getNotificationChannels'],
    component: lazyPage(() => import('../messages/MessagesPage')),
  },
  {
    key: 'board',
    path: 'board',
    label: 'shell:board',
    icon: <ScheduleOutlined />,
    requires: ['listWorkOrders', 'listTechnicians', 'assignWorkOrder', 'publishDayPlan'],
    component: lazyPage(() => import('../board/BoardPage')),
  },
  {
    key: 'cashier',
    path: 'cashier',
    label: 'cashier:menu',
    icon: <AccountBookOutlined />,
    requires: ['listInvoices', 'getInvoice', 'listPayments', 'recordPayment', 'receivables'],
    component: lazyPage(() => import('../cashier/CashierPage')),
  },
  {
    key: 'warehouse',
    path: 'warehouse',
    label: 'shell:warehouse',
    icon: <InboxOutlined />,
    requires: ['listParts', 'getPart', 'listLocations', 'listMovements'],
    component: lazyPage(() => import('../warehouse/WarehousePage')),
  },
  {
    key: 'manager',
    path: 'manager',
    label: 'manager:menu',
    icon: <BarChartOutlined />,
    requires: ['ticketReport', 'callbackCoverage', 'satisfactionIndex', 'revenue', 'receivables', 'listRankings', 'listDailyReports', 'getDailyReport'],
    component: lazyPage(() => import('../manager/ManagerPage')),
  },
  {
    key: 'admin',
    path: 'admin',
    label: 'admin:menu',
    icon: <SettingOutlined />,
    requires: ['listAccounts', 'getAccount', 'createAccount', 'listAudit', 'listDeadLetters'],
    component: lazyPage(() => import('../admin/AdminPage')),
  },
];

/** The workspaces `role` may open. */
export function workspacesFor(role: string | undefined): Workspace[] {
  return WORKSPACES.filter((w) => w.requires.every((op) => allowed(role, op)) && (!w.roles || (role !== undefined && w.roles.includes(role))));
}

/** Where a role lands after signing in: its first workspace after the home page. */
export function landingFor(role: string | undefined): string {
  const list = workspacesFor(role);
  return '/' + (list.find((w) => w.key !== 'home') ?? list[0])?.path;
}
