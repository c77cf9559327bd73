// The descriptions in .ics files as ical.js 2.x (Thunderbird, Nextcloud) reads them.
// Reads {"files": [paths]} on standard input; writes {path: {"calendar": {"description": ...,
// "x-wr-caldesc": ...}, "events": [[uid, recurrence-id or null, description or null], ...]}} as JSON.
import { readFileSync } from "node:fs";
import ICAL from "ical.js";

const request = JSON.parse(readFileSync(0, "utf-8"));
const result = {};
for (const path of request.files) {
  const calendar = new ICAL.Component(ICAL.parse(readFileSync(path, "utf-8")));
  const events = calendar.getAllSubcomponents("vevent").map((event) => {
    const recurrence = event.getFirstPropertyValue("recurrence-id");
    return [
      event.getFirstPropertyValue("uid"),
      recurrence ? recurrence.toString() : null,
      event.getFirstPropertyValue("description"),
    ];
  });
  result[path] = {
    calendar: {
      description: calendar.getFirstPropertyValue("description"),
      "x-wr-caldesc": calendar.getFirstPropertyValue("x-wr-caldesc"),
    },
    events,
  };
}
process.stdout.write(JSON.stringify(result));
