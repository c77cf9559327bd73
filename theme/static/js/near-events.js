// The events of the branches of one postcode area, from the file the build writes for it
// (events/near/<area>.json, plugins/events home_events.py): each local branch of the area, the
// districts it covers and every event of it that the lists of many branches hold. The national home
// page (home-events.js) and the events lists' postcode filter (events-filter.js) read it. Asking for
// the file tells the server the postcode area (its letters), never the postcode.
import { element, message } from "./dom.js";

// The area's file, or null when it cannot be had (the pages then keep what they show).
export async function nearFile(source, area) {
  try {
    const response = await fetch(source.replace("{area}", area));
    return response.ok ? await response.json() : null;
  } catch {
    return null;
  }
}

// The branches covering a postcode: those with its district, or for an area alone ("S"), any of it.
export const covers = (districts, parsed) => {
  if (parsed.district) return districts.includes(parsed.district);
  return districts.some((district) => district.match(/^[A-Z]+/)[0] === parsed.area);
};

// Soonest first, as the build sorts a list (by the instant, then the address).
export const byStart = (a, b) => Date.parse(a.start) - Date.parse(b.start) || (a.url < b.url ? -1 : a.url > b.url ? 1 : 0);

// One event as the lists show it (components/events.html listed_event): its place is the file's,
// decided by the build's one rule (events.event_source.listed_place), so "Online" comes once.
export const eventItem = (event, branch, level) => {
  const li = element("li", "", { class: "kit-events__item h-event" });
  const title = element(`h${level}`, "", { class: "kit-events__title" });
  if (event.status) {
    title.append(element("strong", event.status, { class: `kit-status kit-status--${event.status_code}` }), " ");
  }
  title.append(element("a", event.title, { class: "u-url p-name", href: event.url }));
  const meta = element("p", "", { class: "kit-events__meta" });
  meta.append(element("time", event.when, { class: "dt-start", datetime: event.start }), " · ");
  meta.append(element("a", branch.name, { href: branch.url }));
  if (event.place) meta.append(" · ", element("span", event.place, { class: "p-location" }));
  if (event.online) meta.append(" · " + message("Online"));
  li.append(title, meta);
  return li;
};
