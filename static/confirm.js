// Archive forms marked data-confirm ask first. Without this script the server answers such a
// form with a confirmation page; with it, that page's question is shown in a dialog, whose
// form (carrying confirmed=yes) then posts for real. Nothing changes until it is confirmed.
"use strict";
document.addEventListener("submit", async (event) => {
  const form = event.target;
  if (!(form instanceof HTMLFormElement) || !form.hasAttribute("data-confirm")) return;
  event.preventDefault();
  let page;
  try {
    const response = await fetch(form.action, {
      method: "POST",
      body: new URLSearchParams(new FormData(form)),
      credentials: "same-origin",
    });
    page = new DOMParser().parseFromString(await response.text(), "text/html");
  } catch (e) {
    form.removeAttribute("data-confirm");
    form.submit();
    return;
  }
  const question = page.querySelector("#confirm");
  if (!question) {
    // Not a question (an error page, a refusal): show it as the server sent it.
    document.documentElement.replaceWith(page.documentElement);
    return;
  }
  const dialog = document.createElement("dialog");
  dialog.className = "confirm-dialog";
  dialog.setAttribute("aria-labelledby", "confirm-question");
  const heading = question.querySelector("h1");
  if (heading) heading.id = "confirm-question";
  dialog.append(question);
  document.body.append(dialog);
  const cancel = dialog.querySelector("[data-cancel]");
  if (cancel) {
    cancel.addEventListener("click", (e) => {
      e.preventDefault();
      dialog.close();
    });
  }
  dialog.addEventListener("close", () => dialog.remove());
  dialog.showModal();
  const confirm = dialog.querySelector("button[type=submit]");
  if (confirm) confirm.focus();
});
