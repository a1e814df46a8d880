/**
 * `events`: analytics events with the customer behind them, grouped into sessions.
 *
 * Customer: a logged-in event is its own identity record's customer. An anonymous event
 * takes the customer of the latest login on its device, so browsing before the first login
 * counts for the person who later logged in; on a device that never logged in it keeps
 * whatever identity resolution gave it (a device-only customer, or NULL).
 * Sessions are per device: a gap of more than {@link SESSION_GAP_SECONDS} starts a new one.
 */
import { expect, notNull, pipeline, ref, relationships, unique } from '#sluice';
import { identityRecords } from './master/identity-records.js';
import { appEvents } from './sources.js';

/** Inactivity that ends a session: 30 minutes, the usual web analytics convention. */
export const SESSION_GAP_SECONDS = 30 * 60;

export const events = pipeline('events', (p) => {
  const withRecord = p.read(appEvents).join(
    p.read(identityRecords).filter((r) => r.source === 'app_events'),
    {
      type: 'left',
      on: (e, r) => r.record_id === e.event_id,
      select: (e, r) => ({ ...e, record_customer_id: r.customer_id }),
    },
  );

  // The person who logged in last on each device that ever logged in.
  const deviceLogins = withRecord
    .filter((e) => e.email !== null && e.record_customer_id !== null)
    .groupBy((e) => ({ device_id: e.device_id }))
    .aggregate((g) => ({ login_customer_id: g.last((e) => e.record_customer_id, (e) => [e.event_at, e.event_id]) }));

  const attributed = withRecord.join(deviceLogins, {
    type: 'left',
    on: (e, d) => e.device_id === d.device_id,
    select: (e, d) => ({
      event_id: e.event_id,
      device_id: e.device_id,
      customer_id: e.email !== null ? e.record_customer_id : d.login_customer_id ?? e.record_customer_id,
      logged_in: e.email !== null,
      platform: e.platform,
      event_name: e.event_name,
      event_at: e.event_at,
      properties: e.properties,
    }),
  });

  const sessions = attributed.sessionize({ key: (e) => e.device_id, time: (e) => e.event_at, gapSeconds: SESSION_GAP_SECONDS });

  return {
    events: p.write(sessions, {
      name: 'events',
      materialize: 'table',
      description:
        'App and web analytics events with their customer and session. Anonymous events of a device that logged in ' +
        'belong to the person of its latest login; sessions are per device and end after 30 minutes without events.',
      columns: {
        event_id: 'Unique event id assigned by the tracker',
        device_id: 'Anonymous device or browser id',
        customer_id: "Stable customer id: the login's customer, else the latest login on the device, else identity resolution's (NULL if none)",
        logged_in: 'Whether the user was logged in when the event happened',
        platform: 'ios, android or web',
        event_name: 'session_start, page_view, product_view, add_to_cart, login, purchase, ...',
        event_at: 'Client timestamp of the event (UTC)',
        properties: 'Event properties as JSON object text',
        session_id: 'Session id: the device and the session start',
        session_start: 'Time of the first event of the session',
        session_end: 'Time of the last event of the session',
        session_index: '0-based position of the event within its session',
      },
      clusterBy: ['customer_id', 'device_id'],
      expect: [
        unique((e) => e.event_id),
        notNull((e) => e.session_id, { description: 'every event has a session' }),
        expect((e) => e.session_start <= e.event_at && e.event_at <= e.session_end, { description: 'events lie within their session' }),
        relationships((e) => e.customer_id, ref<{ customer_id: string }>('customers'), (c) => c.customer_id),
      ],
    }),
  };
});
