"""Shared helpers: the test's input lives in the test."""

from __future__ import annotations

import os
import tempfile
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# A small but complete plan: two areas, three units, four tasks, three targets.
MINIMAL_PLAN = """\
nam: 2023
van_ban:
  co_quan_chu_quan: UBND TỈNH HÀ TĨNH
  co_quan_ban_hanh: SỞ CÔNG THƯƠNG
  ky_hieu_co_quan: SCT
  dia_danh: Hà Tĩnh
  ngay_ban_hanh: {thang: 1, nam: 2023}
  trich_yeu: Cải cách hành chính năm 2023
  nguoi_ky: {chuc_vu: GIÁM ĐỐC, ho_ten: Hoàng Văn Quảng}
  noi_nhan: [UBND tỉnh;, "Lưu: VT, VP."]
linh_vuc:
  - {ma: 1, ten: Chỉ đạo điều hành}
  - {ma: 3, ten: Cải cách thủ tục hành chính}
don_vi:
  - {ma: VP, ten: Văn phòng Sở, ten_khac: [Văn phòng]}
  - {ma: TTRA, ten: Thanh tra Sở, ten_khac: [Thanh tra]}
  - {ma: PCM, ten: Các phòng chuyên môn, tap_the: true}
muc_dich_yeu_cau: {tieu_de: "MỤC ĐÍCH, YÊU CẦU", doan: [Mục đích.]}
chi_tieu:
  - linh_vuc: 1
    tieu_de: Chỉ đạo điều hành CCHC
    chi_tieu:
      - ma: CT1.1
        noi_dung: Tối thiểu 60% các phòng, đơn vị được kiểm tra CCHC trong năm 2023.
        chi_so:
          - {ma: CT1.1.a, so_sanh: ">=", gia_tri: 60, don_vi: phan_tram}
  - linh_vuc: 3
    tieu_de: Cải cách thủ tục hành chính (TTHC)
    chi_tieu:
      - ma: CT3.1
        noi_dung: Mức độ hài lòng đạt từ 85% trở lên; thời gian chờ tối đa 25 phút.
        chi_so:
          - {ma: CT3.1.a, so_sanh: ">=", gia_tri: 85, don_vi: phan_tram}
          - {ma: CT3.1.b, so_sanh: "<=", gia_tri: 25, don_vi: phut}
giai_phap:
  - {linh_vuc: 1, tieu_de: Công tác chỉ đạo, noi_dung: [Chỉ đạo.]}
nhiem_vu_trong_tam: {tieu_de: NHIỆM VỤ TRỌNG TÂM, doan: [(Có phụ lục chi tiết kèm theo)]}
kinh_phi: {tieu_de: KINH PHÍ THỰC HIỆN, doan: [Kinh phí.]}
to_chuc_thuc_hien: {tieu_de: TỔ CHỨC THỰC HIỆN, doan: [Tổ chức.]}
phu_luc:
  tieu_de: NHIỆM VỤ TRỌNG TÂM
  phan:
    - so: I
      linh_vuc: 1
      tieu_de: CHỈ ĐẠO ĐIỀU HÀNH
      muc_tieu:
        - ma: I.1
          so: "1"
          noi_dung: Nâng cao chất lượng
          nhiem_vu:
            - ma: I.1.a
              nhiem_vu: Ban hành Kế hoạch CCHC năm 2023.
              ket_qua: Kế hoạch được ban hành
              chu_tri: [VP]
              phoi_hop: [PCM]
              thoi_han: Trước ngày 15/01/2023
            - ma: I.1.b
              nhiem_vu: Lồng ghép trong các cuộc họp giao ban.
              chu_tri: [VP]
              thoi_han: Thường xuyên
              kinh_phi: Theo dự toán được duyệt
        - ma: I.2
          so: "2"
          noi_dung: Kiểm tra ít nhất 60% phòng
          chi_so:
            - {so_sanh: ">=", gia_tri: 50, don_vi: phan_tram, ung_voi: CT1.1.a}
          nhiem_vu:
            - ma: I.2
              nhiem_vu: Tổ chức kiểm tra.
              chu_tri: [VP]
              phoi_hop: [TTRA, PCM]
              thoi_han: Quý II, III/2023
    - so: III
      linh_vuc: 3
      tieu_de: CẢI CÁCH THỦ TỤC HÀNH CHÍNH
      muc_tieu:
        - ma: III.1
          so: "1"
          noi_dung: Mức độ hài lòng đạt từ 85% trở lên
          chi_so:
            - {so_sanh: ">=", gia_tri: 85, don_vi: phan_tram, ung_voi: CT3.1.a}
          nhiem_vu:
            - ma: III.1
              nhiem_vu: Nâng cao mức độ hài lòng
              chu_tri: [VP]
              thoi_han: Tháng 01/2023
"""


# Tests never read or fill the user's own cache: set before any test module is imported,
# since some open the real plan at import time.
_CACHE = tempfile.TemporaryDirectory(prefix="cchc-test-cache-")
os.environ["XDG_CACHE_HOME"] = _CACHE.name
os.environ.pop("CCHC_NO_CACHE", None)
# The tests read English unless they name Vietnamese (cchc speaks Vietnamese by default).
os.environ["CCHC_LANG"] = "en"


def write(tmp_path: Path, text: str, name: str = "2023.yaml") -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


@pytest.fixture
def plan_file(tmp_path: Path) -> Path:
    return write(tmp_path, MINIMAL_PLAN)


@pytest.fixture(autouse=True)
def _english_unless_named():  # type: ignore[no-untyped-def]
    """Each test runs in the language CCHC_LANG names (English), as a new `cchc` does;
    whatever it changes of the context is undone when it ends."""
    from cchc_cli import words

    with words.using(words.Context.asked(os.environ.get("CCHC_LANG"))):
        yield
