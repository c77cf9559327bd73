// UK postcodes, as plugins/branch_subsites/postcodes.py and postcode_places.py read them (tests hold
// the two to one table).

// Each postcode area of the UK (Royal Mail's 121, and the Crown dependencies' GY, JE and IM) with
// the nation, or in England the region, it lies in; an area crossing a border lists each place it
// reaches, the main one first. The Crown dependencies are in none.
const PLACES = {
  sco: ["Scotland", null],
  wal: ["Wales", null],
  ni: ["Northern Ireland", null],
  ne: ["England", "North East"],
  nw: ["England", "North West"],
  yh: ["England", "Yorkshire and the Humber"],
  em: ["England", "East Midlands"],
  wm: ["England", "West Midlands"],
  ee: ["England", "East of England"],
  lon: ["England", "London"],
  se: ["England", "South East"],
  sw: ["England", "South West"],
};
const AREA_PLACES = new Map(
  (
    "AB:sco AL:ee B:wm BA:sw BB:nw BD:yh BH:sw,se BL:nw BN:se BR:lon,se BS:sw BT:ni CA:nw CB:ee " +
    "CF:wal CH:nw,wal CM:ee CO:ee CR:lon,se CT:se CV:wm CW:nw DA:se,lon DD:sco DE:em,wm DG:sco DH:ne " +
    "DL:ne,yh DN:yh,em DT:sw DY:wm E:lon EC:lon EH:sco EN:lon,ee EX:sw FK:sco FY:nw G:sco GL:sw GU:se " +
    "HA:lon HD:yh HG:yh HP:se,ee HR:wm,wal HS:sco HU:yh HX:yh IG:lon,ee IP:ee IV:sco KA:sco KT:lon,se " +
    "KW:sco KY:sco L:nw LA:nw,yh LD:wal,wm LE:em LL:wal LN:em LS:yh LU:ee M:nw ME:se MK:se,ee ML:sco " +
    "N:lon NE:ne NG:em NN:em NP:wal NR:ee NW:lon OL:nw,yh OX:se PA:sco PE:ee,em PH:sco PL:sw PO:se " +
    "PR:nw RG:se RH:se RM:lon,ee S:yh,em SA:wal SE:lon SG:ee SK:nw,em SL:se SM:lon,se SN:sw,se SO:se " +
    "SP:sw,se SR:ne SS:ee ST:wm SW:lon SY:wm,wal TA:sw TD:sco,ne TF:wm TN:se TQ:sw TR:sw TS:ne,yh " +
    "TW:lon,se UB:lon W:lon WA:nw WC:lon WD:ee WF:yh WN:nw WR:wm WS:wm WV:wm YO:yh ZE:sco GY: IM: JE:"
  )
    .split(" ")
    .map((entry) => {
      const [area, codes] = entry.split(":");
      return [area, codes ? codes.split(",").map((code) => PLACES[code]) : []];
    }),
);

export const POSTCODE_AREAS = new Set(AREA_PLACES.keys());

const DISTRICT = "[A-Z]{1,2}[0-9][A-Z0-9]?";
const DISTRICT_PATTERN = new RegExp(`^${DISTRICT}$`);
const FULL_POSTCODE_PATTERN = new RegExp(`^(${DISTRICT})([0-9][A-Z]{2})$`);

// Upper case, with spaces and punctuation gone: " s1 2ew" -> "S12EW".
export function compact(text) {
  return String(text).toUpperCase().replace(/[^A-Z0-9]/g, "");
}

export function areaOf(district) {
  return district.match(/^[A-Z]+/)[0];
}

// The district of a full postcode or of an outward code, or null.
export function districtOf(text) {
  const value = compact(text);
  const full = FULL_POSTCODE_PATTERN.exec(value);
  if (full) return full[1];
  return DISTRICT_PATTERN.test(value) ? value : null;
}

// What a reader typed, as {district, area}: "s1 2ew" -> {district: "S1", area: "S"};
// "EH" -> {district: null, area: "EH"}; null when it is no UK postcode, outward code or area.
export function parsePostcode(text) {
  const value = compact(text);
  const district = districtOf(value);
  let area;
  if (district) area = areaOf(district);
  else if (/^[A-Z]+$/.test(value)) area = value;
  else return null;
  return POSTCODE_AREAS.has(area) ? { district, area } : null;
}

// The letters of what a reader typed when it has a postcode's shape but no UK postcode starts with
// them ("ZZ1 1AA" -> "ZZ"), else null: for saying what is wrong with it.
export function unknownArea(text) {
  const district = districtOf(text);
  return district && !POSTCODE_AREAS.has(areaOf(district)) ? areaOf(district) : null;
}

// [[nation, region or null], ...]: where a postcode area lies, the main place first.
export function placesOf(area) {
  return AREA_PLACES.get(area) || [];
}

// The branches for a parsed postcode, nearest first. `data` is branches/finder.json (version 2).
// exact: those covering the district; area: the others in its postcode area; places: only when
// neither has any, for each place the area lies in ({nation, region, url, branches}), the
// branches there (for a nation without regions in the table, all of its branches).
export function nearestBranches(data, parsed) {
  const exact = new Set(parsed.district ? data.districts[parsed.district] || [] : []);
  const area = new Set();
  for (const [district, indexes] of Object.entries(data.districts)) {
    if (areaOf(district) !== parsed.area) continue;
    for (const index of indexes) if (!exact.has(index)) area.add(index);
  }
  const byIndex = (a, b) => a - b;
  const toBranches = (indexes) => [...indexes].sort(byIndex).map((index) => data.branches[index]);
  const places = [];
  if (!exact.size && !area.size) {
    for (const [nation, region] of placesOf(parsed.area)) {
      const inPlace = (place) => place.nation === nation && (region === null || place.region === region);
      const placeIndexes = new Set(data.places.flatMap((place, index) => (inPlace(place) ? [index] : [])));
      const indexes = data.branches.flatMap((branch, index) => (placeIndexes.has(branch.place) ? [index] : []));
      if (!indexes.length) continue;
      const place = region === null ? { nation, region, url: data.nations[nation] } : data.places[[...placeIndexes][0]];
      places.push({ nation, region, url: place.url, branches: toBranches(indexes) });
    }
  }
  return { exact: toBranches(exact), area: toBranches(area), places };
}
