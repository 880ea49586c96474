"""Type values into a workbook with LibreOffice Calc, as a person would, and save it.

Run by a Python that has LibreOffice's `uno` module (the system one with python3-uno on
Linux, the one LibreOffice bundles on Windows and macOS):
    python3 calc_fill.py IN.xlsx OUT.xlsx PROFILE_DIR SHEET!CELL=VALUE ...
LibreOffice is started as `soffice`, or as CCHC_SOFFICE names it, with the locale of a
Vietnamese desktop (vi-VN: dates day first, the decimal comma).
A VALUE of the form date:YYYY-MM-DD is set as a date, number:X as a number, typed:TEXT is
typed into the cell as a person types it at the keyboard (Calc reads "72,5%" as a percent,
"13/06/2023" as a date; "\\n" in TEXT is a line break within the cell), anything else is
set as text.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import uno  # type: ignore[import-not-found]
from com.sun.star.beans import PropertyValue  # type: ignore[import-not-found]


def prop(name: str, value: object) -> PropertyValue:
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def main() -> None:
    src, dst, profile, *edits = sys.argv[1:]
    src, dst = os.path.abspath(src), os.path.abspath(dst)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    office = subprocess.Popen(
        [os.environ.get("CCHC_SOFFICE") or "soffice", "--headless", "--invisible", "--norestore", "--nologo",
         "-env:UserInstallation=" + Path(profile).resolve().as_uri(),
         f"--accept=socket,host=127.0.0.1,port={port};urp;"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext(
            "com.sun.star.bridge.UnoUrlResolver", local
        )
        url = f"uno:socket,host=127.0.0.1,port={port};urp;StarOffice.ComponentContext"
        for _ in range(240):
            try:
                ctx = resolver.resolve(url)
                break
            except Exception:  # noqa: BLE001 - not listening yet
                time.sleep(0.25)
        else:
            raise SystemExit("LibreOffice did not start")
        smgr = ctx.ServiceManager
        config = smgr.createInstanceWithContext(
            "com.sun.star.configuration.ConfigurationProvider", ctx
        )
        l10n = config.createInstanceWithArguments(
            "com.sun.star.configuration.ConfigurationUpdateAccess",
            (prop("nodepath", "/org.openoffice.Setup/L10N"),),
        )
        l10n.setPropertyValue("ooSetupSystemLocale", "vi-VN")
        l10n.commitChanges()
        desktop = smgr.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        doc = desktop.loadComponentFromURL(
            uno.systemPathToFileUrl(src), "_blank", 0, (prop("Hidden", True),)
        )
        controller = doc.getCurrentController()
        dispatcher = smgr.createInstanceWithContext("com.sun.star.frame.DispatchHelper", ctx)
        for edit in edits:
            where, _, value = edit.partition("=")
            sheet_name, _, cell_name = where.partition("!")
            sheet = doc.Sheets.getByName(sheet_name)
            cell = sheet.getCellRangeByName(cell_name)
            if value.startswith("typed:"):  # the keyboard: Calc's input rules, as a person types
                controller.setActiveSheet(sheet)
                controller.select(cell)
                text = value[6:].replace("\\n", "\n")
                dispatcher.executeDispatch(controller.getFrame(), ".uno:EnterString", "", 0,
                                           (prop("StringName", text),))  # fmt: skip
            elif value.startswith("date:"):
                day = dt.date.fromisoformat(value[5:])
                cell.setValue((day - dt.date(1899, 12, 30)).days)
            elif value.startswith("number:"):
                cell.setValue(float(value[7:]))
            else:
                cell.setString(value)
        doc.storeToURL(
            uno.systemPathToFileUrl(dst), (prop("FilterName", "Calc MS Excel 2007 XML"),)
        )
        doc.close(True)
        with contextlib.suppress(Exception):  # the bridge closes as LibreOffice quits
            desktop.terminate()
    finally:
        try:
            office.wait(timeout=60)
        except subprocess.TimeoutExpired:
            office.kill()


if __name__ == "__main__":
    main()
