/* The contact sheet's one script (report_html_internal.h): the search box.
 *
 * It looks for every word typed, ignoring case and accents (and the
 * letters PRODUCT.md folds without an accent to strip: Ł, Ø, ß, Æ, Đ, Œ,
 * Þ), in each card's data-search, and hides the cards that lack one. A
 * link to the page ending in "#q=WORDS" opens it searched, so that a
 * sheet can be handed on already narrowed to one pupil or one file. It
 * loads nothing, writes nothing but the page's own fragment, and the page
 * works without it: the search box is hidden until it runs.
 *
 * The Content-Security-Policy allows this script by its hash: change one
 * byte of it and the hash below must change too (the unit test
 * report_html.script_hash recomputes it and says what it should be). */
#include "report/report_html_internal.h"

const char pc__html_script[] =
	"(function () {\n"
	"'use strict';\n"
	"var box = document.getElementById('q');\n"
	"var found = document.getElementById('found');\n"
	"var cards = Array.prototype.slice.call(document.querySelectorAll('main .card'));\n"
	"var plain = { '\\u0142': 'l', '\\u00f8': 'o', '\\u00df': 'ss', '\\u00e6': 'ae',\n"
	"  '\\u0111': 'd', '\\u0153': 'oe', '\\u00fe': 'th' };\n"
	"function fold(s) {\n"
	"  return s.normalize('NFD').replace(/[\\u0300-\\u036f]/g, '').toLowerCase()\n"
	"    .replace(/[\\u0142\\u00f8\\u00df\\u00e6\\u0111\\u0153\\u00fe]/g, function (c) {\n"
	"      return plain[c];\n"
	"    });\n"
	"}\n"
	"var texts = cards.map(function (c) { return fold(c.getAttribute('data-search') || ''); });\n"
	"function show() {\n"
	"  var words = fold(box.value).split(/\\s+/).filter(Boolean), n = 0;\n"
	"  cards.forEach(function (c, i) {\n"
	"    var hit = words.every(function (w) { return texts[i].indexOf(w) >= 0; });\n"
	"    c.hidden = !hit;\n"
	"    n += hit ? 1 : 0;\n"
	"  });\n"
	"  found.textContent = !words.length ? ''\n"
	"    : n === 1 ? '1 photo matches' : n + ' photos match';\n"
	"}\n"
	"function fromFragment() {\n"
	"  var m = /^#q=(.*)$/.exec(location.hash);\n"
	"  if (m) {\n"
	"    try { box.value = decodeURIComponent(m[1].replace(/\\+/g, ' ')); }\n"
	"    catch (e) { box.value = m[1]; }\n"
	"  }\n"
	"  show();\n"
	"}\n"
	"box.addEventListener('input', function () {\n"
	"  show();\n"
	"  try {\n"
	"    history.replaceState(null, '', box.value ? '#q=' + encodeURIComponent(box.value)\n"
	"      : location.pathname + location.search);\n"
	"  } catch (e) { /* a page opened from a file may not change its address */ }\n"
	"});\n"
	"window.addEventListener('hashchange', fromFragment);\n"
	"document.getElementById('search').hidden = false;\n"
	"fromFragment();\n"
	"})();\n";

const char pc__html_script_hash[] = "'sha256-tV0T71mMSFBQ7p67IswQctHHNpUZOD3HXlKNg8oeoIs='";
