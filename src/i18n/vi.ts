/**
 * Every string a reader or an editor sees, in Vietnamese. Components, layouts,
 * the schema's error messages and the scripts take their text from here.
 */

export const vi = {
  siteTagline: "Lưu trữ tin tức địa phương",
  skipToContent: "Bỏ qua, đến nội dung chính",
  nav: {
    label: "Điều hướng chính",
    home: "Trang chủ",
    archive: "Lưu trữ",
    places: "Địa phương",
    people: "Nhân vật",
    units: "Đơn vị",
    comingSoon: "(sắp có)",
    search: "Tìm kiếm",
  },
  search: {
    label: "Tìm kiếm bài viết",
    placeholder: "Tìm bài viết…",
    submit: "Tìm",
    pageTitle: "Tìm kiếm",
    siteSearch: "Tìm nhanh",
    queryLabel: "Từ khóa",
    queryHint: "Gõ có dấu hoặc không dấu đều được, ví dụ: lam binh, đảng ủy quân sự.",
    sortLabel: "Sắp xếp",
    sortRelevance: "Liên quan nhất",
    sortNewest: "Mới nhất",
    filtersLabel: "Lọc kết quả",
    clearFilters: "Bỏ tất cả bộ lọc",
    filterNames: {
      tinh: "Tỉnh (khi đăng bài)",
      tinh_nay: "Tỉnh hiện nay",
      huyen: "Huyện",
      don_vi: "Đơn vị",
      nam: "Năm",
      nhan_vat: "Nhân vật",
    } as Record<string, string>,
    more: "Xem thêm kết quả",
    loading: "Đang tìm…",
    prompt: "Nhập từ khóa để tìm trong toàn bộ kho lưu trữ.",
    count: (n: number, query: string) =>
      query ? `${n.toLocaleString("vi-VN")} kết quả cho “${query}”` : `${n.toLocaleString("vi-VN")} bài viết`,
    none: (query: string) => `Không tìm thấy bài viết nào cho “${query}”. Thử bỏ bớt từ hoặc bỏ bộ lọc.`,
    unavailable:
      "Chưa có chỉ mục tìm kiếm. Chỉ mục được tạo khi dựng trang (npm run build); trong chế độ xem trước khi soạn (npm run dev) tìm kiếm không hoạt động.",
    failed: "Không tải được kết quả tìm kiếm. Hãy kiểm tra kết nối mạng rồi thử lại.",
    noScript: "Tìm kiếm cần JavaScript. Bạn vẫn có thể duyệt kho lưu trữ:",
  },
  home: {
    title: "Bài viết mới nhất",
    pageTitle: (page: number) => `Bài viết mới nhất — trang ${page}`,
    empty: "Chưa có bài viết nào.",
  },
  archive: {
    title: "Lưu trữ",
    intro: "Bài viết theo năm và tháng đăng.",
    year: (year: string) => `Năm ${year}`,
    month: (month: string, year: string) => `Tháng ${Number(month)}/${year}`,
    articles: (n: number) => `${n.toLocaleString("vi-VN")} bài`,
    chart: (year: string) => `Số bài viết mỗi tháng năm ${year}`,
  },
  places: {
    title: "Địa phương",
    intro:
      "34 tỉnh, thành phố hiện nay (từ 1/7/2025) và các tỉnh cũ đã hợp nhất vào; bài viết giữ tên địa phương tại thời điểm đăng.",
    absorbed: "Gồm các tỉnh cũ",
    noArticles: "chưa có bài",
    districts: "Huyện, thị xã, thành phố",
    provinceTitle: (name: string) => `Tin bài ${name}`,
  },
  people: {
    title: "Nhân vật",
    intro: "Những người được nhắc tới trong các bài viết, theo thứ tự chữ cái tiếng Việt.",
    timeline: "Cấp bậc, chức vụ qua các bài viết",
    personTitle: (name: string) => name,
  },
  units: {
    title: "Đơn vị",
    intro: "Các đơn vị tổ chức sự kiện được đưa tin.",
  },
  reader: {
    tools: "Tùy chỉnh đọc",
    textSize: "Cỡ chữ",
    smaller: "Chữ nhỏ hơn",
    normal: "Cỡ chữ mặc định",
    larger: "Chữ lớn hơn",
    contrast: "Tương phản cao",
    share: "Chia sẻ",
    copyLink: "Sao chép liên kết",
    copied: "Đã sao chép liên kết",
    email: "Gửi email",
    facebook: "Facebook",
    nativeShare: "Zalo và ứng dụng khác",
  },
  related: {
    title: "Tin liên quan",
    previous: "Bài trước",
    next: "Bài sau",
  },
  pagination: {
    label: "Phân trang",
    previous: "Trang trước",
    next: "Trang sau",
    page: (page: number, total: number) => `Trang ${page} / ${total}`,
  },
  article: {
    footnotes: "Chú thích",
    footnoteBack: (n: number) => `Quay lại chỗ dẫn chú thích ${n}`,
    published: "Ngày đăng",
    dateInferred: "Năm của ngày đăng được suy ra từ nội dung bài viết, chưa được xác nhận.",
    place: "Địa phương",
    provinceToday: (province: string) => `nay thuộc tỉnh ${province}`,
    cityToday: (province: string) => `nay thuộc ${province}`,
    unit: "Đơn vị",
    officials: "Thành phần",
    byline: "Tác giả",
    source: "Nguồn",
    sourceLink: "Xem bài gốc",
    breadcrumb: "Đường dẫn",
  },
  notFound: {
    title: "Không tìm thấy trang",
    body: "Trang bạn tìm không có hoặc đã được chuyển đi.",
    backHome: "Về trang chủ",
  },
  footer: {
    about: "Biên niên — kho lưu trữ tĩnh tin tức các cổng thông tin tỉnh, huyện.",
    disclaimer: "Nội dung thuộc về các cơ quan báo chí và cổng thông tin đã đăng bài gốc.",
  },
  /** Messages of the article schema: field names stay as written in the frontmatter. */
  schema: {
    missing: (expected: string) => `thiếu trường bắt buộc — cần ${expected}`,
    found: (found: string, expected: string) => `tìm thấy ${found}, nhưng cần ${expected}`,
    tooLong: (length: number, max: number) =>
      `dài ${length.toLocaleString("vi-VN")} ký tự, quá giới hạn ${max.toLocaleString("vi-VN")} — rút gọn lại (nội dung dài thuộc về phần thân bài)`,
    tooMany: (count: number, max: number) =>
      `có ${count.toLocaleString("vi-VN")} mục, quá giới hạn ${max.toLocaleString("vi-VN")} — chỉ ghi những người, mục thật sự có trong bài`,
    unknownField: (field: string, suggestion: string | undefined, allowed: readonly string[]) =>
      `trường "${field}" không có trong lược đồ` +
      (suggestion ? ` — có phải ý bạn là "${suggestion}"?` : "") +
      ` Các trường hợp lệ: ${allowed.join(", ")}.`,
    unknownProvince: (found: string, suggestion: string | undefined) =>
      `tỉnh "${found}" không có trong danh mục 63 tỉnh trước 2025 hay 34 tỉnh hiện nay` +
      (suggestion
        ? ` — có phải ý bạn là "${suggestion}"?`
        : ' — hãy ghi tên tỉnh như trong danh mục, ví dụ "Hà Giang".'),
    describe: {
      list: "một danh sách",
      object: "một bảng trường (object)",
      text: (text: string) => `"${text}" (một chuỗi)`,
      number: (n: number) => `số ${n}`,
      boolean: (b: boolean) => (b ? "true" : "false"),
      date: (iso: string) => `ngày ${iso}`,
      empty: "giá trị trống",
    },
    expected: {
      article: "frontmatter của một bài viết: các trường title, date, locality … giữa hai dòng ---",
      title: "tiêu đề bài viết: một dòng chữ không để trống",
      date: 'ngày đăng dạng YYYY-MM-DD, ví dụ 2023-11-23, hoặc kèm giờ Việt Nam: "2023-11-23T08:30:00+07:00" (ngày phải có thật)',
      dateInferred: "true (năm được suy ra, cần biên tập viên xác nhận) hoặc false",
      locality: "một bảng địa phương, ví dụ:\n    locality:\n      province: Hà Giang\n      district: Bắc Mê",
      province: 'tên tỉnh tại thời điểm đăng bài, ví dụ "Hà Giang"',
      district: 'tên huyện, quận, thị xã hoặc thành phố thuộc tỉnh, ví dụ "Bắc Mê"',
      communes: "danh sách tên xã, phường, thị trấn, ví dụ [Phúc Sơn, Phúc Yên]",
      unit: 'tên đơn vị tổ chức, ví dụ "Ban CHQS huyện Thạch Thất"',
      officials:
        'một danh sách, mỗi người một mục bắt đầu bằng "- name:", ví dụ:\n    officials:\n      - name: Cấn Đình Trung\n        rank: Thượng tá',
      official: "một người: name (bắt buộc), rank, titles, role",
      name: 'họ tên đầy đủ, ví dụ "Nguyễn Thành Trung"',
      rank: (ranks: readonly string[]) => `một cấp bậc: ${ranks.join(", ")} (hoặc bỏ trống)`,
      titles: "danh sách chức vụ, ví dụ [Bí thư Huyện ủy, Chủ tịch UBND huyện]",
      role: 'vai trò tại sự kiện, ví dụ "chủ trì", "kết luận", "phát biểu"',
      byline: "danh sách tên phóng viên, ví dụ [Thảo Linh, Duy Hanh]",
      source: 'một bảng nguồn: name và/hoặc url, ví dụ { name: Báo Hà Giang, url: "https://…" }',
      sourceName: 'tên cơ quan đăng bài gốc, ví dụ "Báo Hà Giang"',
      sourceUrl: 'địa chỉ web bắt đầu bằng http:// hoặc https://, ví dụ "https://baohagiang.vn/…"',
      tags: "danh sách từ khóa, ví dụ [sơ kết, tổng kết]",
      summary: "một đoạn tóm tắt ngắn",
      importHash:
        "giá trị do công cụ nhập bài ghi (import.input, import.output) — đừng sửa tay; xóa cả khối import nếu cần",
      review: 'danh sách ghi chú cần kiểm tra, mỗi dòng bắt đầu bằng tên trường, ví dụ "date: năm suy ra từ …"',
    },
  },
  /** Problems found across the collection when the site is built. */
  build: {
    incompleteMarker:
      "Bản dựng đang chạy hoặc đã dừng giữa chừng: không xuất bản thư mục này. (A build is running or did not finish: do not publish this folder.)\n",
    previousIncomplete: (dir: string) => `${dir}: lần dựng trước không hoàn tất; dựng lại từ thư mục trống.`,
    notFromThisCache: (dir: string) =>
      `${dir}: không phải do lần dựng trước với bộ đệm này tạo ra; dựng lại từ thư mục trống.`,
    diskFull:
      "Bản dựng thất bại: HẾT DUNG LƯỢNG ĐĨA (ENOSPC). Giải phóng chỗ trống (xoá thư mục dist/ và node_modules/.astro cũ, tệp tạm) rồi dựng lại.",
    outOfMemory:
      "Bản dựng thất bại: HẾT BỘ NHỚ. Đóng bớt chương trình hoặc dùng máy nhiều RAM hơn; giới hạn bộ nhớ của Node đặt trong NODE_OPTIONS (--max-old-space-size) của lệnh build trong package.json.",
    failed: "Bản dựng thất bại: xem thông báo lỗi ở trên (tệp, dòng và cách sửa).",
    notPublishable: (dir: string) =>
      `Thư mục ${dir}/ chưa hoàn chỉnh (còn tệp ${dir}/BUILDING): KHÔNG xuất bản nó. Lần dựng sau sẽ dựng lại từ đầu.`,
    cacheUnreadable: (folder: string) =>
      `Bộ nhớ đệm của bản dựng không đọc được (bản dựng trước bị ngắt, hoặc hai bản dựng dùng chung thư mục ${folder}): xoá thư mục đó rồi dựng lại.`,
    distUnreadable: (folder: string, reason: string) =>
      `Không đọc được thư mục ${folder} của bản dựng trước (${reason}): bản dựng không thể biết trang nào đã cũ. Kiểm tra quyền của thư mục, hoặc xoá cả thư mục dist/ rồi dựng lại.`,
    pagesSoFar: (count: number) => `${count} tệp đã tạo…`,
    pagesDone: ({ files, kept, slow, empty }: { files: number; kept: number; slow: number; empty: number }) =>
      `${files + kept} tệp (trang, RSS …): ${files - empty} dựng mới, ${kept} giữ nguyên từ lần dựng trước` +
      (slow > 0 ? `; ${slow} tệp dựng chậm (hơn 0,5 s)` : "") +
      (empty > 0 ? `; ${empty} tệp không tạo vì nội dung rỗng` : ""),
    pruned: (count: number) => `đã xoá ${count} tệp của các lần dựng trước (bài đã xoá hoặc đổi tên, tài nguyên cũ)`,
  },
  content: {
    problems: (count: number) =>
      `Có ${count} lỗi trong nội dung bài viết; bản dựng dừng lại để không xuất bản trang sai:`,
    badSlug: (slug: string, suggestion: string) =>
      `tên tệp "${slug}" không phải slug ASCII hợp lệ — đổi tên tệp thành "${suggestion}.md"`,
    folderMismatch: (folder: string, expected: string) =>
      `tệp nằm trong thư mục ${folder} nhưng ngày đăng thuộc ${expected} — chuyển tệp vào content/articles/${expected}/ hoặc sửa trường date`,
    badLayout: "tệp phải nằm ở content/articles/YYYY/MM/<slug>.md",
    unreadable: (count: number) =>
      `${count} bài viết có lỗi (liệt kê ở trên); bản dựng dừng lại để không xuất bản trang sai. Sửa rồi chạy "npm run check" để kiểm tra lại.`,
    unrenderable: (detail: string) =>
      `không dựng được nội dung bài (${detail}) — kiểm tra phần thân bài: thẻ HTML lồng nhau quá sâu, ký tự lạ`,
    synced: (files: number, changed: number, removed: number, opened: number) =>
      `${files} bài viết: ${changed} đọc lại, ${files - changed} không đổi, ${removed} đã xoá (${opened} tệp đã mở để so sánh)`,
  },
  /** `npm run check` and `npm run new`. */
  check: {
    error: "lỗi     ",
    warning: "cảnh báo",
    line: (n: number) => `dòng ${n}:`,
    summary: (articles: number, errors: number, warnings: number, seconds: number) =>
      `Đã kiểm tra ${articles} bài trong ${seconds.toFixed(1)} giây: ${errors} lỗi, ${warnings} cảnh báo.` +
      (errors > 0
        ? " Hãy sửa các lỗi trên rồi chạy lại npm run check; bản dựng sẽ không xuất bản khi còn lỗi."
        : " Không có lỗi."),
    tooBig: (megabytes: string, max: number) =>
      `tệp nặng ${megabytes} MB, quá giới hạn ${max} MB của một bài viết — xoá phần dán nhầm hoặc chia thành nhiều bài`,
    notUtf8:
      "tệp không phải văn bản UTF-8 — mở tệp trong trình soạn thảo và lưu lại với bảng mã UTF-8 (hoặc nhập lại bằng npm run ingest, công cụ này tự sửa bảng mã TCVN3/VNI)",
    noFrontmatter:
      'tệp phải bắt đầu bằng dòng "---", tiếp theo là các trường (title, date, locality …) và một dòng "---" nữa — xem mẫu trong README hoặc tạo bài bằng npm run new',
    notNfc:
      "văn bản có ký tự tổ hợp (Unicode NFD); trang web vẫn hiển thị đúng, nhưng nên lưu lại ở dạng NFC (dựng sẵn) để tìm kiếm và so sánh tên chính xác",
    yamlSyntax: (detail: string) =>
      `frontmatter viết sai cú pháp YAML (${detail}) — kiểm tra dấu hai chấm, thụt lề bằng dấu cách và dấu ngoặc kép ở dòng này`,
    futureDate: (date: string) => `ngày đăng ${date} ở tương lai — sửa lại năm, tháng, ngày cho đúng`,
    emptyBody: "bài chưa có nội dung — thêm nội dung bài viết bên dưới dòng --- thứ hai",
    inferredDate: (note: string) =>
      `năm của ngày đăng là suy đoán, cần xác nhận (${note}) — đối chiếu với bài gốc, sửa date nếu cần, đặt dateInferred: false và xóa ghi chú này`,
    review: (note: string) =>
      `ghi chú cần kiểm tra: "${note}" — kiểm tra, sửa bài nếu cần rồi xóa dòng này trong review`,
    provinceMerged: (province: string, today: string) =>
      `bài đăng sau 1/7/2025 nhưng ghi tỉnh "${province}", nay thuộc tỉnh ${today} — nếu bài gốc ghi vậy thì giữ nguyên, nếu không hãy ghi "${today}"`,
    districtAfterReform: (district: string) =>
      `bài đăng sau 1/7/2025, khi cấp huyện đã bỏ, nhưng ghi huyện "${district}" — kiểm tra lại bài gốc; nếu bài nói về một xã, ghi xã trong communes`,
    districtTypo: (district: string, province: string, suggestion: string) =>
      `không có huyện "${district}" trong tỉnh ${province} — có phải ý bạn là "${suggestion}"? Sửa lại tên, hoặc sửa tỉnh nếu huyện thuộc tỉnh khác`,
    districtUnknown: (district: string, province: string) =>
      `huyện "${district}" không có trong danh mục huyện của tỉnh ${province} (danh mục trước 2025) — nếu đó là tên cũ của một huyện đã sáp nhập thì giữ nguyên, nếu không hãy kiểm tra tỉnh và tên huyện`,
    communeTypo: (commune: string, suggestion: string) =>
      `không tìm thấy xã "${commune}" trong danh mục — có phải ý bạn là "${suggestion}"?`,
    duplicateSlug: (others: string) =>
      `trùng địa chỉ trang với ${others} (chỉ khác chữ hoa, chữ thường hoặc dấu) — đổi tên một trong hai tệp`,
    duplicateSource: (others: string) =>
      `cùng bài gốc (source.url) với ${others} — bài bị nhập hai lần: giữ một bài, xóa bài kia`,
    duplicateTitle: (others: string) =>
      `cùng tiêu đề và cùng ngày với ${others} — nếu là một bài bị nhập hai lần, giữ một bài và xóa bài kia`,
    notMarkdown:
      "tệp không có đuôi .md nên bản dựng bỏ qua — đổi tên thành <slug>.md nếu đây là bài viết, hoặc chuyển tệp ra khỏi content/articles",
  },
  /** `npm run new`. */
  newArticle: {
    usage:
      'Cách dùng: npm run new -- "Tiêu đề bài viết" --province "Hà Giang" [--date 2024-06-28] [--district "Bắc Mê"] [--unit "Ban CHQS huyện Bắc Mê"]',
    noTitle: 'cần tiêu đề bài viết có chữ hoặc số, ví dụ: npm run new -- "Hội nghị tổng kết công tác quân sự năm 2024"',
    badProvince: (found: string, suggestion: string | undefined) =>
      `--province "${found}" không phải tên tỉnh trong danh mục` +
      (suggestion
        ? ` — có phải ý bạn là "${suggestion}"?`
        : ' — ghi tên tỉnh lúc đăng bài, ví dụ --province "Hà Giang"'),
    missingProvince: 'cần --province: tỉnh lúc đăng bài, ví dụ --province "Hà Giang"',
    badDate: (found: string) => `--date "${found}" không phải ngày có thật dạng YYYY-MM-DD, ví dụ --date 2024-06-28`,
    created: (file: string) =>
      `Đã tạo ${file}. Mở tệp, điền các trường còn thiếu (bỏ dấu # ở đầu dòng để dùng), viết nội dung rồi chạy npm run check.`,
    dateHint: "ngày đăng, giờ Việt Nam; có thể thêm giờ: 2024-06-28T16:13:00+07:00",
    officialsHint: "bỏ dấu # ở đầu dòng để điền các trường tùy chọn dưới đây",
    bodyHint: "Nội dung bài viết ở đây, dưới dòng --- thứ hai. Chú thích ảnh: một đoạn in nghiêng *như thế này*.",
  },
  /** The browser editor at /admin/ (Sveltia CMS); its own interface follows the browser's language. */
  cms: {
    pageTitle: "Biên tập bài viết — Biên niên",
    noScript: "Trình biên tập cần JavaScript. Hãy bật JavaScript, hoặc sửa tệp Markdown trong content/articles/.",
    collection: "Bài viết",
    collectionSingular: "bài viết",
    collectionDescription:
      "Mỗi bài là một tệp content/articles/năm/tháng/tên-bài.md. Sau khi lưu, chạy npm run check (hoặc chờ CI) để kiểm tra.",
    needsReview: "Cần kiểm tra",
    body: "Nội dung",
    bodyHint: "Chú thích ảnh: một đoạn in nghiêng riêng, ngay dưới ảnh.",
    labels: {
      title: "Tiêu đề",
      date: "Ngày đăng",
      dateInferred: "Năm được suy ra",
      locality: "Địa phương",
      province: "Tỉnh (lúc đăng bài)",
      district: "Huyện",
      communes: "Xã, phường, thị trấn",
      unit: "Đơn vị tổ chức",
      officials: "Cán bộ",
      "officials.item": "cán bộ",
      name: "Họ tên",
      rank: "Cấp bậc",
      titles: "Chức vụ",
      role: "Vai trò",
      byline: "Phóng viên",
      source: "Nguồn",
      "source.name": "Cơ quan đăng bài gốc",
      url: "Địa chỉ bài gốc",
      tags: "Từ khóa",
      summary: "Tóm tắt",
      review: "Cần kiểm tra",
      import: "Dấu nhập bài",
    },
  },
} as const;

export type Strings = typeof vi;
