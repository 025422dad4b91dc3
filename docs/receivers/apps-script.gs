/**
 * Resilience Toolkit: a Google Sheet as the inbox for contributions.
 *
 * Paste this into the sheet's Extensions > Apps Script, deploy it as a web app (Execute as: Me,
 * Who has access: Anyone) and put the web app's /exec address in the toolkit's config.json with
 * "request": "simple" (docs/receivers.md says how, step by step).
 *
 * Each submission becomes one row of the "Submissions" sheet (made, with a header row, the
 * first time): its idempotency key, when it was sent, its kind, the site, a one-line summary,
 * and the whole submission as it was sent. A submission whose key is already in column A is
 * not added again, so a repeat never makes a second row. Values are stored as text: one that
 * starts with = + - @, a tab or a carriage return gets a leading apostrophe, so the sheet never
 * reads a visitor's words as a formula.
 *
 * Tested by tests/receivers.test.mjs against stand-ins for the Apps Script services, not
 * against Google.
 */

var SHEET_NAME = 'Submissions';
var HEADER = ['idempotency_key', 'submitted_at', 'kind', 'site', 'summary', 'submission (JSON)'];
// A Google Sheets cell holds at most 50,000 characters.
var CELL_MAX = 50000;

function doPost(e) {
  var submission;
  try {
    submission = JSON.parse(e && e.postData ? e.postData.contents : '');
  } catch (err) {
    return answer('not a toolkit submission');
  }
  if (!submission || typeof submission !== 'object' ||
      !submission.idempotency_key || typeof submission.idempotency_key !== 'string' ||
      !submission.kind || typeof submission.kind !== 'string') {
    return answer('not a toolkit submission');
  }

  // One submission at a time, so two copies of one sent together cannot both be added.
  var lock = LockService.getScriptLock();
  lock.waitLock(30000);
  try {
    var sheet = inbox();
    if (alreadyStored(sheet, submission.idempotency_key)) {
      return answer('already stored');
    }
    sheet.appendRow([
      submission.idempotency_key,
      submission.submitted_at,
      submission.kind,
      submission.site,
      summary(submission),
      JSON.stringify(submission)
    ].map(asText));
    SpreadsheetApp.flush();
    return answer('stored');
  } finally {
    lock.releaseLock();
  }
}

/** The "Submissions" sheet, made with its header row if it is not there yet. */
function inbox() {
  var spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  var sheet = spreadsheet.getSheetByName(SHEET_NAME);
  if (!sheet) {
    sheet = spreadsheet.insertSheet(SHEET_NAME);
    sheet.appendRow(HEADER);
    sheet.setFrozenRows(1);
  }
  return sheet;
}

/** Whether column A (below the header) already holds this key. */
function alreadyStored(sheet, key) {
  var last = sheet.getLastRow();
  if (last < 2) return false;
  var keys = sheet.getRange(2, 1, last - 1, 1).getValues();
  var stored = asText(key);
  for (var i = 0; i < keys.length; i++) {
    if (keys[i][0] === key || keys[i][0] === stored) return true;
  }
  return false;
}

/** One line saying what the submission is about. */
function summary(s) {
  var parts;
  switch (s.kind) {
    case 'resource-suggestion':
      parts = [s.resource && s.resource.title];
      break;
    case 'resource-feedback':
      parts = [s.feedback && s.feedback.resource_id, s.feedback && s.feedback.topic];
      break;
    case 'subscribe':
      parts = [s.subscription && s.subscription.feed];
      break;
    case 'resource-comment':
      parts = [s.comment && s.comment.resource_id, s.comment && s.comment.name];
      break;
    default:
      parts = [];
  }
  return parts
    .filter(function (p) { return p !== undefined && p !== null && p !== ''; })
    .join(' · ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A cell's value as text the sheet keeps as it is: never a formula, never over the limit. */
function asText(value) {
  var text = value === undefined || value === null ? '' : String(value);
  if (text.length > CELL_MAX - 20) {
    text = text.slice(0, CELL_MAX - 20) + ' …(cut: too long)';
  }
  // The toolkit's own rule for spreadsheet cells (catalogue::export::defuse_cell; a test holds
  // the two to the same characters): an apostrophe before a formula's first character, or
  // before an apostrophe.
  if (/^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20']/.test(text)) {
    text = "'" + text;
  }
  return text;
}

function answer(text) {
  return ContentService.createTextOutput(text).setMimeType(ContentService.MimeType.TEXT);
}
