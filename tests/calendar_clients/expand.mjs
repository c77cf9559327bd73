// Every occurrence of every VEVENT in .ics files, as ical.js 2.x (Thunderbird, Nextcloud) reads them.
// Reads {"until": "<ISO instant>", "files": [paths]} on standard input; writes
// {path: {uid: [occurrence, ...]}} as JSON: a UTC instant (2027-01-12T19:00:00Z) for a timed
// occurrence, the date (2027-05-15) for an all-day one. Each file's own VTIMEZONE blocks are used:
// ical.js takes them from the calendar it parses.
import { readFileSync } from "node:fs";
import ICAL from "ical.js";

const request = JSON.parse(readFileSync(0, "utf-8"));
const until = Date.parse(request.until) / 1000;

function occurrence(time) {
  if (time.isDate) return time.toString();
  return new Date(time.toUnixTime() * 1000).toISOString().replace(".000Z", "Z");
}

const result = {};
for (const path of request.files) {
  const calendar = new ICAL.Component(ICAL.parse(readFileSync(path, "utf-8")));
  // a VEVENT with a RECURRENCE-ID moves one occurrence of its UID's series, as Thunderbird relates it
  const components = calendar.getAllSubcomponents("vevent");
  const series = {};
  for (const component of components.filter((c) => !c.hasProperty("recurrence-id"))) {
    series[component.getFirstPropertyValue("uid")] = new ICAL.Event(component);
  }
  for (const component of components.filter((c) => c.hasProperty("recurrence-id"))) {
    series[component.getFirstPropertyValue("uid")].relateException(component);
  }
  const byUid = {};
  for (const [uid, event] of Object.entries(series)) {
    const found = (byUid[uid] = []);
    const iterator = event.iterator();
    for (let next = iterator.next(); next && next.toUnixTime() < until; next = iterator.next()) {
      found.push(occurrence(event.getOccurrenceDetails(next).startDate));
    }
  }
  result[path] = byUid;
}
process.stdout.write(JSON.stringify(result));
