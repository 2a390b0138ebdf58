package io.suiji.registry.synthetic;

import io.suiji.registry.identity.OrganizationCode;
import io.suiji.registry.identity.ResidentId;
import io.suiji.registry.identity.Uscc;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A deterministic, seeded generator of synthetic Pingdingshan registries in the import format
 * ({@code docs/registry/import-format.md}): {@code entities.csv} and {@code inspectors.csv}. The
 * same arguments give the same bytes on any machine, so demos and benchmarks are repeatable.
 *
 * <pre>
 * java -cp registry-service/target/classes io.suiji.registry.synthetic.SyntheticRegistry \
 *      --targets 100000 --inspectors 400 --seed 2020 --out /tmp/registry [--as-of 2026-07-01]
 * </pre>
 *
 * Plain Java with no dependency beyond this module's code checks, so that the class directory
 * alone runs it. Proportions are plausible, not official statistics: see
 * {@code docs/registry/synthetic.md}.
 */
public final class SyntheticRegistry {

    public static final LocalDate DEFAULT_AS_OF = LocalDate.of(2026, 7, 1);

    /** Regions with their share of entities (per mille) and the division code a person's ID number starts with. */
    private record Share(String code, String name, int perMille, String idDivision, String authority) {
    }

    private static final List<Share> REGIONS = List.of(
            new Share("410402", "新华区", 100, "410402", "410402"),
            new Share("410403", "卫东区", 90, "410403", "410403"),
            new Share("410404", "石龙区", 15, "410404", "410404"),
            new Share("410411", "湛河区", 80, "410411", "410411"),
            new Share("410421", "宝丰县", 90, "410421", "410421"),
            new Share("410422", "叶县", 100, "410422", "410422"),
            new Share("410423", "鲁山县", 90, "410423", "410423"),
            new Share("410425", "郏县", 70, "410425", "410425"),
            new Share("410481", "舞钢市", 60, "410481", "410481"),
            new Share("410482", "汝州市", 180, "410482", "410482"),
            // The zones have no division code of their own: residents' ID numbers and the
            // registering authority in unified codes are those of the city or the district around them.
            new Share("410471", "高新区", 70, "410411", "410400"),
            new Share("410472", "城乡一体化示范区", 55, "410403", "410400"));

    static final String[] DEPARTMENTS = {
        "劳动保障监察局（支队）", "人力资源流动管理科", "职业能力建设科", "劳动能力鉴定中心", "就业促进局", "劳动关系科", "市社保局", "市失业保险中心"};
    // What each department inspects, from the catalogue's 检查对象 and matter numbers (附件).
    private static final String[][] EXPERTISE = {
        {"用人单位", "人力资源服务机构", "PDS-2020-01", "PDS-2020-07"},
        {"人力资源服务机构", "PDS-2020-01"},
        {"技工院校", "职业技能鉴定机构", "民办培训机构", "PDS-2020-02", "PDS-2020-03", "PDS-2020-04"},
        {"技工院校", "职业技能鉴定机构", "民办培训机构", "PDS-2020-02", "PDS-2020-03", "PDS-2020-04"},
        {"劳务派遣单位和用工单位", "PDS-2020-05"},
        {"企业", "PDS-2020-06"},
        {"享受养老保险待遇人员", "PDS-2020-08"},
        {"参保企业", "PDS-2020-09"}};
    private static final int[] DEPARTMENT_WEIGHTS = {30, 8, 10, 6, 10, 12, 14, 10};
    /** City-bureau inspectors per department that are never on leave or in conflict: two groups of two. */
    static final int CITY_CORE_PER_DEPARTMENT = 4;

    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
    private static final String GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英建华玉兰文辉力建国红梅志强海燕永刚金凤德胜淑珍春生秋菊冬梅玉珍";
    private static final String TRADE_NAMES = "恒信鑫源华泰宏达中原鹰城鼎盛昌隆兴旺永安瑞丰金盾远航天成宝龙豫通博雅立信德顺广源顺达新程恒通联创佳和汇丰正大盛世凯旋";
    private static final String[] INDUSTRIES = {"建材", "机械", "商贸", "餐饮", "物流", "电子", "纺织", "化工", "煤业", "建筑", "农业", "食品", "汽车服务", "医药", "印刷", "家具", "物业管理", "装饰工程"};
    private static final String[] ROADS = {"建设路", "中兴路", "矿工路", "开源路", "湛河路", "新华路", "光明路", "凌云路", "体育路", "和平路", "胜利街", "平安大道"};
    private static final String[] CONFLICT_REASONS = {"原工作单位", "亲属在该单位任职", "曾为该单位提供咨询服务", "持有该单位股份"};

    private final SplittableRandom random;
    private final LocalDate asOf;
    private final List<String> conflictCandidates = new ArrayList<>();

    public SyntheticRegistry(long seed, LocalDate asOf) {
        this.random = new SplittableRandom(seed);
        this.asOf = asOf;
    }

    public static void main(String[] args) throws IOException {
        long targets = 10_000;
        int inspectors = 200;
        long seed = 2020;
        Path out = Path.of("synthetic-registry");
        LocalDate asOf = DEFAULT_AS_OF;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--targets" -> targets = Long.parseLong(require(value, args[i++]));
                case "--inspectors" -> inspectors = Integer.parseInt(require(value, args[i++]));
                case "--seed" -> seed = Long.parseLong(require(value, args[i++]));
                case "--out" -> out = Path.of(require(value, args[i++]));
                case "--as-of" -> asOf = LocalDate.parse(require(value, args[i++]));
                default -> {
                    System.err.println("usage: SyntheticRegistry --targets N --inspectors M --seed S --out DIR [--as-of YYYY-MM-DD]");
                    System.exit(2);
                }
            }
        }
        long start = System.nanoTime();
        new SyntheticRegistry(seed, asOf).write(out, targets, inspectors);
        System.out.printf("wrote %d entities and %d inspectors to %s in %.1f s%n", targets, inspectors, out.toAbsolutePath(),
                (System.nanoTime() - start) / 1e9);
    }

    private static String require(String value, String flag) {
        if (value == null) {
            throw new IllegalArgumentException(flag + " needs a value");
        }
        return value;
    }

    /** Writes {@code entities.csv} then {@code inspectors.csv} (whose conflicts name entities of the first). */
    public void write(Path directory, long targets, int inspectors) throws IOException {
        Files.createDirectories(directory);
        try (Writer w = Files.newBufferedWriter(directory.resolve("entities.csv"), StandardCharsets.UTF_8)) {
            writeEntities(w, targets);
        }
        try (Writer w = Files.newBufferedWriter(directory.resolve("inspectors.csv"), StandardCharsets.UTF_8)) {
            writeInspectors(w, inspectors);
        }
    }

    public void writeEntities(Writer out, long count) throws IOException {
        BufferedWriter w = out instanceof BufferedWriter b ? b : new BufferedWriter(out, 1 << 16);
        w.write('\uFEFF');
        row(w, "统一社会信用代码或身份证号码", "名称或姓名", "检查对象类型", "行政区划", "地址", "信用等级", "信用等级评定日期",
                "近12个月投诉举报次数", "严重违法记录", "经营异常", "参保", "登记日期", "注销日期");
        int sampleEvery = (int) Math.max(1, count / 2000);
        for (long i = 0; i < count; i++) {
            Share region = region();
            boolean person = random.nextInt(100) < 25;
            String[] cells = person ? person(i, region) : organisation(i, region);
            if (!person && i % sampleEvery == 0 && conflictCandidates.size() < 2000) {
                conflictCandidates.add(cells[0]);
            }
            row(w, cells);
        }
        w.flush();
    }

    public void writeInspectors(Writer out, int count) throws IOException {
        BufferedWriter w = out instanceof BufferedWriter b ? b : new BufferedWriter(out, 1 << 16);
        w.write('\uFEFF');
        row(w, "姓名", "执法证号", "所属科室、单位", "行政区划", "专业领域", "状态", "请假期间", "利害关系申报");
        for (int i = 0; i < count; i++) {
            // Every department keeps a core at the city bureau, in post with its full expertise: a
            // department's 支队 can inspect in any county, so a task's draw can always form a group even
            // where a county has few staff of its own, and still after rotation leaves last year's group out.
            boolean core = i < DEPARTMENTS.length * CITY_CORE_PER_DEPARTMENT;
            int department = core ? i % DEPARTMENTS.length : weighted(DEPARTMENT_WEIGHTS);
            // Of the others, four in ten sit at the city bureau and the rest in the counties' bureaus.
            String region = core || random.nextInt(10) < 4 ? "410400" : region().code();
            String[] tags = EXPERTISE[department];
            List<String> expertise = new ArrayList<>();
            for (String tag : tags) {
                if (core || expertise.isEmpty() || random.nextInt(3) > 0) {
                    expertise.add(tag);
                }
            }
            String status = "在岗";
            String leaves = "";
            int r = core ? 100 : random.nextInt(100);
            if (r < 8) {
                status = "请假";
                LocalDate from = asOf.minusDays(random.nextInt(20));
                leaves = from + "至" + asOf.plusDays(3 + random.nextInt(40));
            } else if (r < 18) {
                LocalDate from = asOf.plusDays(10 + random.nextInt(150));
                leaves = from + "至" + from.plusDays(random.nextInt(14));
            }
            String conflicts = "";
            if (!core && !conflictCandidates.isEmpty() && random.nextInt(100) < 4) {
                int n = 1 + random.nextInt(2);
                List<String> declared = new ArrayList<>();
                for (int k = 0; k < n; k++) {
                    String code = conflictCandidates.get(random.nextInt(conflictCandidates.size()));
                    String item = code + ":" + CONFLICT_REASONS[random.nextInt(CONFLICT_REASONS.length)] + ":"
                            + asOf.minusDays(random.nextInt(700));
                    if (declared.stream().noneMatch(d -> d.startsWith(code))) {
                        declared.add(item);
                    }
                }
                conflicts = String.join("；", declared);
            }
            String certificate = String.format("41040%07d", 1_000_000 + i);
            row(w, personName(), certificate, DEPARTMENTS[department], region, String.join("、", expertise), status, leaves,
                    conflicts);
        }
        w.flush();
    }

    private String[] person(long index, Share region) {
        // Index → (birth day, sequence) through a bijection, so ID numbers never repeat within a file.
        long value = Math.floorMod(index * 7_919L + 13, 10_950_000L);
        LocalDate birth = LocalDate.of(1936, 1, 1).plusDays(value / 1000);
        String id = ResidentId.withCheckCharacter(region.idDivision() + birth.toString().replace("-", "")
                + String.format("%03d", value % 1000));
        return new String[] {id, personName(), "享受养老保险待遇人员", region.code(), address(region), "", "",
            "0", "否", "否", "是", "", ""};
    }

    private String[] organisation(long index, Share region) {
        int kind = random.nextInt(100);
        String typeCode;
        String form;
        if (kind < 80) {
            typeCode = "91";
            form = random.nextInt(4) == 0 ? "有限责任公司" : "有限公司";
        } else if (kind < 90) {
            typeCode = "92";
            form = random.nextBoolean() ? "商行" : "经营部";
        } else if (kind < 95) {
            typeCode = "52";
            form = "中心";
        } else {
            typeCode = "12";
            form = "服务中心";
        }
        List<String> types = new ArrayList<>();
        String industry = INDUSTRIES[random.nextInt(INDUSTRIES.length)];
        int special = random.nextInt(1000);
        if (special < 15) {
            types.add("人力资源服务机构");
            industry = "人力资源服务";
            form = "有限公司";
            typeCode = "91";
        } else if (special < 17) {
            types.add("技工院校");
            industry = "技工";
            form = "学校";
            typeCode = "52";
        } else if (special < 20) {
            types.add("职业技能鉴定机构");
            industry = "职业技能鉴定";
            form = "所";
            typeCode = "12";
        } else if (special < 35) {
            types.add("民办培训机构");
            industry = "职业培训";
            form = "学校";
            typeCode = "52";
        } else if (special < 55) {
            types.add("劳务派遣单位和用工单位");
            industry = "劳务派遣";
            form = "有限公司";
            typeCode = "91";
        }
        boolean insured = random.nextInt(100) < 85;
        if (typeCode.startsWith("9")) {
            types.add("企业");
        }
        types.add("用人单位");
        if (insured && typeCode.equals("91")) {
            types.add("参保企业");
        }
        String name = "平顶山市" + region.name() + trade() + industry + form;

        String code = code(index, typeCode, region);
        String credit = "";
        String creditDate = "";
        int grade = random.nextInt(100);
        if (grade >= 20) {
            credit = grade < 44 ? "A" : grade < 88 ? "B" : grade < 97 ? "C" : "D";
            creditDate = asOf.minusDays(random.nextInt(730)).toString();
        }
        boolean bad = credit.equals("C") || credit.equals("D");
        int complaints = complaints(bad);
        boolean serious = random.nextInt(1000) < (credit.equals("D") ? 300 : bad ? 60 : 8);
        boolean abnormal = random.nextInt(100) < (typeCode.equals("92") ? 9 : 4);
        LocalDate registered = LocalDate.of(1995, 1, 1).plusDays(random.nextInt((int) (asOf.toEpochDay() - LocalDate.of(1995, 1, 1).toEpochDay())));
        String deregistered = "";
        if (random.nextInt(100) < 3) {
            long span = asOf.toEpochDay() - registered.toEpochDay();
            deregistered = registered.plusDays(span <= 1 ? 0 : 1 + random.nextLong(span)).toString();
        }
        return new String[] {code, name, String.join("、", types), region.code(), address(region), credit, creditDate,
            String.valueOf(complaints), serious ? "是" : "否", abnormal ? "是" : "否", insured ? "是" : "否",
            registered.toString(), deregistered};
    }

    /** Nine in ten carry the unified code; the others still their 注册号 or 组织机构代码 (legacy data). */
    private String code(long index, String typeCode, Share region) {
        // Index → 8-digit body through a bijection of 0..10^8-1: unique within a file.
        long body = Math.floorMod(index * 31_415_927L + 27_182_818L, 100_000_000L);
        String eight = String.format("%08d", body);
        int legacy = random.nextInt(100);
        if (legacy < 6) {
            String first14 = region.authority() + eight;
            return first14 + mod1110(first14);
        }
        if (legacy < 10) {
            return eight + "-" + OrganizationCode.checkCharacter(eight);
        }
        return Uscc.withCheckCharacter(typeCode + region.authority() + eight + OrganizationCode.checkCharacter(eight));
    }

    /** ISO 7064 MOD 11,10 — the check digit of 15-digit business registration numbers (GS15001-2006). */
    static char mod1110(String digits) {
        int p = 10;
        for (int i = 0; i < digits.length(); i++) {
            int s = (p % 11) + (digits.charAt(i) - '0');
            s = s % 10 == 0 ? 10 : s % 10;
            p = s * 2;
        }
        int check = (11 - p % 11) % 10;
        return (char) ('0' + check);
    }

    private int complaints(boolean bad) {
        int r = random.nextInt(100);
        if (bad) {
            return r < 40 ? 0 : r < 70 ? 1 + random.nextInt(2) : 3 + random.nextInt(8);
        }
        return r < 82 ? 0 : r < 94 ? 1 : r < 98 ? 2 + random.nextInt(2) : 4 + random.nextInt(5);
    }

    private Share region() {
        int r = random.nextInt(1000);
        for (Share share : REGIONS) {
            r -= share.perMille();
            if (r < 0) {
                return share;
            }
        }
        return REGIONS.get(0);
    }

    private int weighted(int[] weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int r = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return i;
            }
        }
        return 0;
    }

    private String trade() {
        int a = random.nextInt(TRADE_NAMES.length() / 2) * 2;
        return TRADE_NAMES.substring(a, a + 2);
    }

    private String personName() {
        StringBuilder name = new StringBuilder().append(SURNAMES.charAt(random.nextInt(SURNAMES.length())));
        int length = random.nextInt(3) == 0 ? 1 : 2;
        for (int i = 0; i < length; i++) {
            name.append(GIVEN.charAt(random.nextInt(GIVEN.length())));
        }
        return name.toString();
    }

    private String address(Share region) {
        return "平顶山市" + region.name() + ROADS[random.nextInt(ROADS.length)] + (1 + random.nextInt(399)) + "号";
    }

    private static void row(Writer w, String... cells) throws IOException {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                w.write(',');
            }
            String c = cells[i];
            if (c.indexOf(',') >= 0 || c.indexOf('"') >= 0 || c.indexOf('\n') >= 0) {
                w.write('"');
                w.write(c.replace("\"", "\"\""));
                w.write('"');
            } else {
                w.write(c);
            }
        }
        w.write("\r\n");
    }
}
