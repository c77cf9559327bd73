// The national home page's events, narrowed to the reader's postcode when they have given one to the
// branch finder (reader-postcode.js keeps it in their own browser). Without JavaScript, or without a
// postcode, the page lists the next events of every nation, as written.
// With one: the next events of the branches covering it (else of the others in its postcode area)
// first, then its nation's list; the other nations' lists are hidden until the reader asks for them.
import { parsePostcode } from "./postcode.js";
import { forgetPostcode, rememberedPostcode } from "./reader-postcode.js";
import { element } from "./dom.js";

const section = document.querySelector(".kit-home-events[data-near-source]");
const near = document.getElementById("home-events-near");

const eventItem = (event, branch) => {
  const li = element("li", "", { class: "kit-events__item" });
  const title = element("h4", "", { class: "kit-events__title" });
  if (event.status) {
    title.append(element("strong", event.status, { class: "kit-status" }), " ");
  }
  title.append(element("a", event.title, { href: event.url }));
  const meta = element("p", "", { class: "kit-events__meta" });
  meta.append(element("time", event.when, { datetime: event.start }), " · ");
  meta.append(element("a", branch.name, { href: branch.url }));
  if (event.place) meta.append(` · ${event.place}`);
  if (event.online) meta.append(" · Online");
  li.append(title, meta);
  return li;
};

const showAll = (groups) => {
  for (const group of groups) group.hidden = false;
};

const narrow = async (typed) => {
  const parsed = parsePostcode(typed);
  if (!parsed) return;
  const groups = [...section.querySelectorAll(".kit-home-events__group")];
  const place = parsed.district || parsed.area;
  // the page lists the postcode areas that have a file: no request for an area no branch covers
  const covered = (section.dataset.nearAreas || "").split(" ").includes(parsed.area);
  let data = null;
  try {
    if (covered) {
      const response = await fetch(section.dataset.nearSource.replace("{area}", parsed.area));
      if (response.ok) data = await response.json();
    }
  } catch {
    data = null; // the lists by nation stay as they are
  }
  const branches = data ? data.branches : [];
  const exact = branches.filter((b) => parsed.district && b.districts.includes(parsed.district));
  const chosen = exact.length ? exact : branches;
  const nodes = [element("h3", `Near ${typed.toUpperCase()}`, { id: "events-near" })];
  if (!chosen.length) {
    const p = element("p", `No branch covers ${place} yet. `);
    p.append(element("a", "Find the nearest branches", { href: section.dataset.finderUrl }));
    nodes.push(p);
  } else {
    const lead = exact.length ? `The ${exact.length === 1 ? "branch" : "branches"} covering ${place}:` : `No branch covers ${place} yet; in the ${parsed.area} postcode area:`;
    nodes.push(element("p", lead));
    const list = element("ul", "", { class: "kit-events" });
    const events = chosen.flatMap((branch) => branch.events.map((event) => [event, branch]));
    events.sort(([a], [b]) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
    for (const [event, branch] of events) list.append(eventItem(event, branch));
    if (events.length) nodes.push(list);
    for (const branch of chosen.filter((b) => !b.events.length)) {
      const p = element("p");
      p.append(element("a", branch.name, { href: branch.url }), " has no events planned yet: get in touch with it.");
      nodes.push(p);
    }
  }
  const controls = element("p", "", { class: "kit-home-events__controls" });
  const all = element("button", "Show every nation", { type: "button", class: "kit-button kit-button--secondary" });
  const forget = element("button", "Forget my postcode", { type: "button", class: "kit-button kit-button--secondary" });
  all.addEventListener("click", () => {
    showAll(groups);
    all.remove();
  });
  forget.addEventListener("click", () => {
    forgetPostcode();
    near.replaceChildren();
    near.hidden = true;
    showAll(groups);
  });
  const nation = data ? data.nation : null;
  if (nation) {
    for (const group of groups) group.hidden = Boolean(group.dataset.nation) && group.dataset.nation !== nation;
    controls.append(all, " ");
  }
  controls.append(forget);
  nodes.push(controls);
  near.replaceChildren(...nodes);
  near.hidden = false;
};

if (section && near) {
  const typed = rememberedPostcode();
  if (typed) narrow(typed);
}
