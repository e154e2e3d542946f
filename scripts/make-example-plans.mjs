#!/usr/bin/env node
// Writes the example plan files of issue 12 (no network, same output every run):
//   plans/examples/tinh-an-hoa-2026.json  a made-up province of the two-tier structure
//                                          (wards and communes), the example of the plan list;
//   plans/examples/scale-170x40.json      one bloc of 170 units and 40 targets, for the
//                                          benchmark (scripts/bench.sh) and the editor's paste.
// Usage: node scripts/make-example-plans.mjs [output directory, default plans/examples]
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const out = process.argv[2] ?? "plans/examples";

// A small deterministic generator (mulberry32), so the files change only when this script does.
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Syllables of Vietnamese place names; two make a name ("An Lạc", "Tân Phú").
const FIRST = [
  "An", "Bình", "Tân", "Phú", "Long", "Hòa", "Thạnh", "Vĩnh", "Mỹ", "Phước", "Thới", "Trường",
  "Đông", "Tây", "Nam", "Bắc", "Hưng", "Thuận", "Quới", "Lợi", "Nhơn", "Thành", "Trung", "Hiệp",
  "Định", "Khánh", "Hậu", "Lộc", "Minh", "Gia", "Đức", "Ninh", "Xuân", "Thịnh", "Cẩm", "Hồng",
];
const SECOND = [
  "Lạc", "Phú", "Hòa", "Thạnh", "Lợi", "Hưng", "Thuận", "Điền", "Xuân", "Mỹ", "Khánh", "Hiệp",
  "Tiến", "Thới", "Đông", "Tây", "An", "Bình", "Long", "Phước", "Trung", "Quới", "Thành", "Ninh",
  "Lộc", "Định", "Hậu", "Sơn", "Hải", "Giang", "Châu", "Thủy",
];

/// Distinct made-up names "<prefix> <A> <B>" (no A = B), in a shuffled but fixed order.
function placeNames(prefix, count, seed) {
  const next = random(seed);
  const seen = new Set();
  const names = [];
  while (names.length < count) {
    const a = FIRST[Math.floor(next() * FIRST.length)];
    const b = SECOND[Math.floor(next() * SECOND.length)];
    const name = `${a} ${b}`;
    if (a === b || seen.has(name)) continue;
    seen.add(name);
    names.push(`${prefix} ${name}`);
  }
  return names;
}

/// Units with made-up five-digit codes starting at `first` (99…: no real unit has them).
function units(names, first) {
  return names.map((name, i) => ({ id: String(first + i), name }));
}

/// JSON with two-space indents, each value that fits in 100 characters on one line (a unit,
/// an `applies`), so the files read and diff line by line.
function pretty(value, indent = "") {
  const flat = JSON.stringify(value);
  if (flat.length + indent.length <= 100 || value === null || typeof value !== "object") {
    return flat;
  }
  const inner = indent + "  ";
  const items = Array.isArray(value)
    ? value.map((item) => inner + pretty(item, inner))
    : Object.entries(value).map(([k, v]) => `${inner}${JSON.stringify(k)}: ${pretty(v, inner)}`);
  const [open, close] = Array.isArray(value) ? ["[", "]"] : ["{", "}"];
  return `${open}\n${items.join(",\n")}\n${indent}${close}`;
}

function write(name, plan) {
  mkdirSync(out, { recursive: true });
  const file = join(out, name);
  writeFileSync(file, pretty({ format: "cchc-plan", version: 1, plan }) + "\n");
  console.log(`${file}: ${plan.blocs.map((b) => b.units.length).join(" + ")} units, ${plan.targets.length} targets`);
}

// ---------------------------------------------------------------------------------------
// Tỉnh An Hòa (ví dụ): 60 wards, 180 communes, 10 targets of the kind provinces set now.
// ---------------------------------------------------------------------------------------

const ratio = (id, name, help, numerator, denominator, oneMore, applies, weight) => ({
  id, name, help, kind: "ratio", numerator, denominator, one_more: oneMore, applies,
  ...(weight ? { weight } : {}),
});

write("tinh-an-hoa-2026.json", {
  id: "tinh-an-hoa-2026",
  name: "Chỉ tiêu cải cách hành chính năm 2026 — Tỉnh An Hòa (ví dụ)",
  year: 2026,
  issuer: "UBND Tỉnh An Hòa (ví dụ, tỉnh không có thật)",
  example: true,
  blocs: [
    {
      id: "phuong", name: "Khối phường", award_places: 6,
      units: units(placeNames("Phường", 60, 2026), 99001),
    },
    {
      id: "xa", name: "Khối xã", award_places: 15,
      units: units(placeNames("Xã", 180, 7), 99201),
    },
  ],
  targets: [
    ratio("toan_trinh", "Thủ tục hành chính cung cấp dịch vụ công trực tuyến toàn trình",
      "Tỷ lệ thủ tục hành chính đủ điều kiện được cung cấp trực tuyến toàn trình trên Cổng dịch vụ công.",
      "Số thủ tục cung cấp trực tuyến toàn trình", "Tổng số thủ tục đủ điều kiện", "thủ tục",
      { phuong: 90, xa: 80 }, 2),
    ratio("ho_so_truc_tuyen", "Hồ sơ nộp trực tuyến",
      "Tỷ lệ hồ sơ thủ tục hành chính được nộp trực tuyến trên tổng số hồ sơ tiếp nhận.",
      "Số hồ sơ nộp trực tuyến", "Tổng số hồ sơ tiếp nhận", "hồ sơ",
      { phuong: 70, xa: 55.5 }, 2),
    ratio("thanh_toan", "Thanh toán trực tuyến",
      "Tỷ lệ hồ sơ có nghĩa vụ tài chính được thanh toán trực tuyến.",
      "Số hồ sơ thanh toán trực tuyến", "Tổng số hồ sơ có nghĩa vụ tài chính", "hồ sơ",
      { phuong: 60, xa: 45 }),
    ratio("so_hoa", "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính",
      "Tỷ lệ hồ sơ, kết quả giải quyết thủ tục hành chính được số hóa.",
      "Số hồ sơ được số hóa", "Tổng số hồ sơ đã giải quyết", "hồ sơ",
      { phuong: 100, xa: 90 }),
    ratio("ket_qua_dien_tu", "Cấp kết quả giải quyết thủ tục hành chính điện tử",
      "Tỷ lệ kết quả giải quyết thủ tục hành chính được cấp bản điện tử có giá trị pháp lý.",
      "Số kết quả cấp bản điện tử", "Tổng số kết quả đã cấp", "kết quả",
      { phuong: 100, xa: 95 }),
    ratio("dung_han", "Hồ sơ giải quyết đúng hạn",
      "Tỷ lệ hồ sơ giải quyết đúng hoặc trước hạn trên tổng số hồ sơ đã giải quyết.",
      "Số hồ sơ giải quyết đúng hạn", "Tổng số hồ sơ đã giải quyết", "hồ sơ",
      { phuong: 98.5, xa: 97.25 }, 2),
    ratio("hai_long", "Mức độ hài lòng của người dân, doanh nghiệp",
      "Tỷ lệ phiếu đánh giá hài lòng trở lên trên Hệ thống đánh giá chất lượng phục vụ.",
      "Số phiếu hài lòng", "Tổng số phiếu đánh giá", "phiếu",
      { phuong: 95, xa: 90 }),
    ratio("dinh_danh", "Tài khoản định danh điện tử được dùng để nộp hồ sơ",
      "Tỷ lệ hồ sơ trực tuyến nộp bằng tài khoản định danh điện tử VNeID.",
      "Số hồ sơ nộp bằng tài khoản định danh", "Tổng số hồ sơ nộp trực tuyến", "hồ sơ",
      { phuong: 80, xa: 65 }),
    {
      id: "mot_cua", name: "Bộ phận Một cửa đạt chuẩn",
      help: "Bộ phận Một cửa được công nhận đạt chuẩn về cơ sở vật chất và số hóa.",
      kind: "yes_no", question: "Bộ phận Một cửa đã được công nhận đạt chuẩn?",
      applies: { phuong: true, xa: true },
    },
    {
      id: "dvc_tang", name: "Tăng số dịch vụ công trực tuyến toàn trình",
      help: "Số dịch vụ công trực tuyến toàn trình cuối năm nhiều hơn đầu năm.",
      kind: "increase", before: "Số dịch vụ đầu năm", after: "Số dịch vụ cuối năm",
      one_more: "dịch vụ", applies: { xa: true },
    },
  ],
});

// ---------------------------------------------------------------------------------------
// Scale: one bloc of 170 units, 40 targets (30 ratio, 6 yes/no, 4 increase).
// ---------------------------------------------------------------------------------------

{
  const next = random(170_40);
  const targets = [];
  for (let i = 1; i <= 40; i++) {
    const id = `ct${String(i).padStart(2, "0")}`;
    if (i % 10 === 0) {
      targets.push({
        id, name: `Chỉ tiêu ${i}: tăng số dịch vụ`, kind: "increase",
        before: "Đầu năm", after: "Cuối năm", one_more: "dịch vụ", applies: { khoi: true },
      });
    } else if (i % 7 === 0) {
      targets.push({
        id, name: `Chỉ tiêu ${i}: đạt chuẩn`, kind: "yes_no",
        question: "Đã được công nhận đạt chuẩn?", applies: { khoi: true },
      });
    } else {
      // 50–100 with up to two decimals.
      const threshold = Math.round(5000 + next() * 5000) / 100;
      targets.push({
        id, name: `Chỉ tiêu ${i}: tỷ lệ hồ sơ đạt yêu cầu`, kind: "ratio",
        numerator: "Số hồ sơ đạt", denominator: "Tổng số hồ sơ", one_more: "hồ sơ",
        applies: { khoi: threshold }, ...(i % 3 === 0 ? { weight: 2 } : {}),
      });
    }
  }
  write("scale-170x40.json", {
    id: "scale-170x40",
    name: "Kế hoạch thử tải: 170 đơn vị, 40 chỉ tiêu",
    year: 2026,
    issuer: "Kiểm thử hiệu năng (không phải kế hoạch thật)",
    example: true,
    blocs: [
      {
        id: "khoi", name: "Khối thử tải", award_places: 10,
        units: units(placeNames("Xã", 170, 170), 98001),
      },
    ],
    targets,
  });
}
