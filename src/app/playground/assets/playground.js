// bankbot playground: renders the conversation only from the Send API request bodies the
// server streams (exactly what Messenger would receive), and sends what the customer does
// as the events Messenger would deliver. No framework, no build step.
"use strict";

const $ = (id) => document.getElementById(id);
const state = { user: null, events: null, profile: null, lang: null, popup: null, entry: null, limits: null };

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === "class") node.className = v;
    else if (k === "text") node.textContent = v;
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v);
  }
  for (const c of children) if (c) node.append(c);
  return node;
}

function say(text) { $("status").textContent = text; }

async function api(path, body) {
  const resp = await fetch(path, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body || {}),
  });
  let data = {};
  try { data = await resp.json(); } catch (_) { /* 202 without a body */ }
  if (!resp.ok) throw new Error(data.error || ("the server answered " + resp.status));
  return data;
}

// ---- the conversation -------------------------------------------------------------

function scrollDown() { const log = $("log"); log.scrollTop = log.scrollHeight; }

function addUserBubble(text) {
  $("welcome").hidden = true;
  $("log").append(el("li", { class: "user" }, el("div", { class: "bubble", text })));
  scrollDown();
  const entry = el("li", { class: "entry" }, el("h3", { text: "You: " + text }));
  $("inspector").append(entry);
  state.entry = entry;
}

function setTyping(on) { $("typing").hidden = !on; if (on) scrollDown(); }

function clearChips() { $("chips").replaceChildren(); }

async function act(action, shown) {
  if (!state.user) return;
  clearChips();
  closeMenu();
  addUserBubble(shown);
  setTyping(true);
  try {
    await api("/playground/send", Object.assign({ user: state.user }, action));
  } catch (err) {
    setTyping(false);
    say("Not sent: " + err.message);
  }
}

function sendText(text) { return act({ kind: "text", text }, text); }
function postback(title, payload) { return act({ kind: "postback", title, payload }, title); }
function quickReply(title, payload) { return act({ kind: "quick_reply", title, payload }, title); }

function buttonNode(b) {
  switch (b.type) {
    case "postback":
      return el("button", { type: "button", text: b.title, onclick: () => postback(b.title, b.payload) });
    case "web_url":
      return el("a", { href: b.url, target: "_blank", rel: "noopener noreferrer", text: b.title });
    case "account_link":
      return el("button", { type: "button", class: "account-link", text: "Log In", onclick: () => openLogin(b.url) });
    case "account_unlink":
      return el("button", { type: "button", class: "account-unlink", text: "Log Out", onclick: () => act({ kind: "account_unlink" }, "Log Out") });
    default:
      return el("span", { text: "(unsupported button " + b.type + ")" });
  }
}

function renderMessage(message) {
  const li = el("li", { class: "bot" });
  const payload = message.attachment && message.attachment.payload;
  if (typeof message.text === "string") {
    li.append(el("div", { class: "bubble", text: message.text }));
  } else if (payload && payload.template_type === "button") {
    li.append(el("div", { class: "template", role: "group", "aria-label": "Message with buttons" },
      el("p", { text: payload.text }),
      el("div", { class: "buttons" }, ...payload.buttons.map(buttonNode))));
  } else if (payload && payload.template_type === "generic") {
    const n = payload.elements.length;
    const cards = payload.elements.map((e, i) => el("article", {
      class: "card", role: "group", "aria-label": "Card " + (i + 1) + " of " + n + ": " + e.title,
    },
      el("h3", { text: e.title }),
      e.subtitle ? el("p", { class: "subtitle", text: e.subtitle }) : null,
      e.buttons ? el("div", { class: "buttons" }, ...e.buttons.map(buttonNode)) : null));
    li.append(el("div", { class: "carousel", role: "region", "aria-label": "Carousel of " + n + " cards", tabindex: "0" }, ...cards));
  } else {
    li.append(el("div", { class: "bubble refused", text: "(a message the playground cannot show)" }));
  }
  $("log").append(li);
  if (Array.isArray(message.quick_replies)) {
    $("chips").replaceChildren(...message.quick_replies.map((q) => el("button", {
      type: "button", class: "chip", text: q.title, onclick: () => quickReply(q.title, q.payload),
    })));
  }
  scrollDown();
}

function refused(breaches) {
  const what = breaches.map((b) => b.what + " " + b.found + " > " + b.max).join(", ");
  $("log").append(el("li", { class: "bot" }, el("div", {
    class: "bubble refused", text: "Messenger would refuse this message (" + what + ")",
  })));
}

// ---- the inspector ----------------------------------------------------------------

function currentEntry() {
  if (!state.entry) {
    state.entry = el("li", { class: "entry" }, el("h3", { text: "The bot, unprompted" }));
    $("inspector").append(state.entry);
  }
  return state.entry;
}

function showUnderstood(n) {
  const p = n.parsed;
  const dl = el("dl", { class: "understood" },
    el("dt", { text: "text" }), el("dd", { text: n.text }),
    el("dt", { text: "language" }), el("dd", { class: "lang", text: p.lang }),
    el("dt", { text: "intent" }), el("dd", { class: "intent", text: p.intent }),
    el("dt", { text: "confidence" }), el("dd", { class: "confidence", text: Number(p.confidence).toFixed(2) }),
    el("dt", { text: "slots" }), el("dd", { class: "slots", text: JSON.stringify(p.slots) }));
  currentEntry().append(dl);
  if (n.session_lang) state.lang = n.session_lang;
}

function showBody(body, breaches, label) {
  const ok = breaches.length === 0;
  const summary = (body.sender_action ? "Sender action " + body.sender_action : "Send API request (" + label + ")") +
    (ok ? " — within Meta's limits" : " — over Meta's limits");
  currentEntry().append(el("details", { class: "request" },
    el("summary", { class: ok ? "ok" : "bad", text: summary }),
    el("pre", { text: JSON.stringify(body, null, 2) })));
}

// ---- notices from the server ------------------------------------------------------

function onNotice(n) {
  if (n.type === "understood") { showUnderstood(n); return; }
  if (n.type !== "reply") return;
  for (const { body, breaches } of n.bodies) {
    showBody(body, breaches, n.label);
    if (body.sender_action === "typing_on") { setTyping(true); continue; }
    if (body.sender_action) { setTyping(false); continue; }
    setTyping(false);
    if (breaches.length) refused(breaches); else renderMessage(body.message);
  }
  closeLoginWhenDone();
}

function listen(user) {
  if (state.events) state.events.close();
  return new Promise((resolve) => {
    const events = new EventSource("/playground/events?user=" + encodeURIComponent(user));
    events.addEventListener("notice", (e) => onNotice(JSON.parse(e.data)));
    events.addEventListener("lagged", () => say("Some replies were missed: restart the conversation."));
    events.onopen = () => resolve();
    events.onerror = () => say("Connection to the bot lost; retrying…");
    state.events = events;
  });
}

// ---- account linking, as Messenger does it -------------------------------------------

async function openLogin(url) {
  // Opened at once (a pop-up needs the click), pointed at the login page when ready.
  const popup = window.open("about:blank", "bankbot-login", "popup,width=440,height=640");
  try {
    const t = await api("/playground/link-token", { user: state.user });
    const target = new URL(url, location.href);
    target.searchParams.set("account_linking_token", t.account_linking_token);
    target.searchParams.set("redirect_uri", t.redirect_uri);
    if (popup) { popup.location = target.toString(); state.popup = popup; }
    else { say("Pop-ups are blocked: allow them to log in."); }
  } catch (err) {
    if (popup) popup.close();
    say("Cannot open the login page: " + err.message);
  }
}

function closeLoginWhenDone() {
  const popup = state.popup;
  if (!popup) return;
  try {
    if (popup.closed) { state.popup = null; return; }
    if (popup.location.pathname === "/playground/linked") { popup.close(); state.popup = null; }
  } catch (_) { /* another origin: leave it */ }
}

// ---- menu, get started, controls ----------------------------------------------------

function menuItems() {
  const menus = (state.profile && state.profile.persistent_menu) || [];
  const wanted = state.lang === "fr" ? "fr_FR" : "default";
  const menu = menus.find((m) => m.locale === wanted) || menus.find((m) => m.locale === "default");
  return menu ? menu.call_to_actions : [];
}

function openMenu() {
  const items = menuItems().map((item) => el("button", {
    type: "button", role: "menuitem", text: item.title,
    onclick: () => (item.type === "web_url"
      ? window.open(item.url, "_blank", "noopener")
      : postback(item.title, item.payload)),
  }));
  $("menu").replaceChildren(...items);
  $("menu").hidden = false;
  $("menu-button").setAttribute("aria-expanded", "true");
  if (items[0]) items[0].focus();
}

function closeMenu() {
  $("menu").hidden = true;
  $("menu-button").setAttribute("aria-expanded", "false");
}

async function start(who) {
  $("log").replaceChildren();
  $("inspector").replaceChildren();
  clearChips();
  setTyping(false);
  state.entry = null;
  state.lang = who === "bob" ? "fr" : null;
  const { user } = await api("/playground/users", {});
  state.user = user;
  await listen(user);
  if (who === "alice" || who === "bob") {
    $("welcome").hidden = true;
    say("Signing in as " + who + "…");
    await api("/playground/sign-in", { user, username: who, password: "demo" });
    say("Signed in as " + who + " (user " + user + ").");
  } else {
    const locales = (state.profile && state.profile.greeting) || [];
    const greeting = (locales.find((g) => g.locale === "default") || { text: "" }).text;
    $("greeting").textContent = greeting.replace("{{user_first_name}}", "there");
    $("welcome").hidden = false;
    say("A new unlinked user (" + user + ").");
  }
}

async function boot() {
  const s = await fetch("/playground/state").then((r) => r.json());
  state.profile = s.profile;
  state.limits = s.limits;
  $("today").value = s.today;
  $("composer").addEventListener("submit", (e) => {
    e.preventDefault();
    const text = $("message").value.trim();
    if (!text) return;
    $("message").value = "";
    sendText(text);
  });
  $("get-started").addEventListener("click", () => postback("Get Started", s.profile.get_started.payload));
  $("menu-button").addEventListener("click", () => ($("menu").hidden ? openMenu() : closeMenu()));
  $("menu").addEventListener("keydown", (e) => { if (e.key === "Escape") { closeMenu(); $("menu-button").focus(); } });
  $("who").addEventListener("change", () => start($("who").value).catch((err) => say(err.message)));
  $("restart").addEventListener("click", () => start($("who").value).catch((err) => say(err.message)));
  $("set-today").addEventListener("click", async () => {
    try {
      const r = await api("/playground/today", { today: $("today").value });
      $("today").value = r.today;
      say("The bot's today is " + r.today + ".");
    } catch (err) { say(err.message); }
  });
  $("alert").addEventListener("click", async () => {
    try {
      const r = await api("/playground/alert", { user: state.user });
      say(r.recipients ? "Test fraud alert sent." : "The alert reached nobody.");
    } catch (err) { say("No alert: " + err.message); }
  });
  setInterval(closeLoginWhenDone, 500);
  await start($("who").value);
  document.body.dataset.ready = "true";
}

document.addEventListener("DOMContentLoaded", () => boot().catch((err) => say("The playground could not start: " + err.message)));
