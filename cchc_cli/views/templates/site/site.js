// Sort a table by the column whose header is clicked (the page reads without it).
document.documentElement.classList.add("js");
for (const table of document.querySelectorAll("table.sortable")) {
  table.querySelectorAll("th").forEach((th, col) => {
    th.tabIndex = 0;
    const sort = () => {
      const body = table.tBodies[0];
      const up = th.getAttribute("aria-sort") !== "ascending";
      table.querySelectorAll("th").forEach((h) => h.removeAttribute("aria-sort"));
      th.setAttribute("aria-sort", up ? "ascending" : "descending");
      const key = (row) => {
        const cell = row.cells[col];
        const raw = cell ? (cell.dataset.sort ?? cell.textContent.trim()) : "";
        const num = Number(raw.replace("%", "").replace(",", "."));
        return Number.isNaN(num) || raw === "" ? raw : num;
      };
      const rows = Array.from(body.rows);
      rows.sort((a, b) => {
        const x = key(a), y = key(b);
        const c = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y), "vi");
        return up ? c : -c;
      });
      rows.forEach((r) => body.appendChild(r));
    };
    th.addEventListener("click", sort);
    th.addEventListener("keydown", (e) => { if (e.key === "Enter") sort(); });
  });
}
