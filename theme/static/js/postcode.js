// UK postcodes, as plugins/branch_subsites/postcodes.py reads them (tests hold the two to one table).

// The 121 postcode areas of the UK, plus the Crown dependencies' GY, JE and IM.
export const POSTCODE_AREAS = new Set(
  ("AB AL B BA BB BD BH BL BN BR BS BT CA CB CF CH CM CO CR CT CV CW DA DD DE DG DH DL DN DT DY " +
    "E EC EH EN EX FK FY G GL GU HA HD HG HP HR HS HU HX IG IP IV KA KT KW KY L LA LD LE LL LN LS LU " +
    "M ME MK ML N NE NG NN NP NR NW OL OX PA PE PH PL PO PR RG RH RM S SA SE SG SK SL SM SN SO SP SR " +
    "SS ST SW SY TA TD TF TN TQ TR TS TW UB W WA WC WD WF WN WR WS WV YO ZE GY JE IM").split(" "),
);

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

// Branches for a parsed postcode, nearest first: those covering the district, then the others
// in the same area. `data` is branches/finder.json. Returns {exact: [...], nearby: [...]}.
export function matchBranches(data, parsed) {
  const exact = new Set(parsed.district ? data.districts[parsed.district] || [] : []);
  const nearby = new Set();
  for (const [district, indexes] of Object.entries(data.districts)) {
    if (areaOf(district) !== parsed.area) continue;
    for (const index of indexes) if (!exact.has(index)) nearby.add(index);
  }
  const byIndex = (a, b) => a - b;
  const toBranch = (index) => ({ name: data.branches[index][0], url: data.branches[index][1] });
  return {
    exact: [...exact].sort(byIndex).map(toBranch),
    nearby: [...nearby].sort(byIndex).map(toBranch),
  };
}
