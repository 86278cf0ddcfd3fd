"""Every source the guide and the cost table cite, by key.

Rules for adding one (see docs/guide.md): a publication gets its DOI link when the editor has
checked the DOI, otherwise a PubMed search for its exact title (which opens the record); an
official page gets the regulator's own address. Titles stay in their original language.
"""

from urllib.parse import quote_plus

from .types import Source


def pubmed_title(title: str) -> str:
    """A PubMed search for the exact title, which lands on the article's record."""
    return "https://pubmed.ncbi.nlm.nih.gov/?term=" + quote_plus(f'"{title}"[Title]')


_SOURCES = [
    Source(
        "miles",
        "Cell-based versus corticosteroid injections for knee pain in osteoarthritis: "
        "a randomized phase 3 trial (Mautner K, Gottschalk M, Boden SD, et al.)",
        "Nature Medicine 29, 3120-3126",
        "https://doi.org/10.1038/s41591-023-02632-w",
        "2023",
    ),
    Source(
        "restore",
        "Effect of Intra-articular Platelet-Rich Plasma vs Placebo Injection on Pain and Medial "
        "Tibial Cartilage Volume in Patients With Knee Osteoarthritis: The RESTORE Randomized "
        "Clinical Trial (Bennell KL, Paterson KL, Metcalf BR, et al.)",
        "JAMA 326(20), 2021-2030",
        "https://doi.org/10.1001/jama.2021.19415",
        "2021",
    ),
    Source(
        "kim2020",
        "Intra-articular Injection of Culture-Expanded Mesenchymal Stem Cells Without Adjuvant "
        "Surgery in Knee Osteoarthritis: A Systematic Review and Meta-analysis "
        "(Kim SH, Djaja YP, Park YB, et al.)",
        "The American Journal of Sports Medicine 48(11), 2839-2849",
        pubmed_title(
            "Intra-articular Injection of Culture-Expanded Mesenchymal Stem Cells Without "
            "Adjuvant Surgery in Knee Osteoarthritis: A Systematic Review and Meta-analysis"
        ),
        "2020",
    ),
    Source(
        "pubmed_msc_ha",
        "PubMed: meta-analyses of randomised trials of mesenchymal stem cells versus "
        "hyaluronic acid in knee osteoarthritis (live search)",
        "U.S. National Library of Medicine",
        "https://pubmed.ncbi.nlm.nih.gov/?term="
        + quote_plus(
            "(mesenchymal stem cells) AND (hyaluronic acid) AND (knee osteoarthritis) "
            "AND (meta-analysis[pt])"
        ),
    ),
    Source(
        "oarsi2019",
        "OARSI guidelines for the non-surgical management of knee, hip, and polyarticular "
        "osteoarthritis (Bannuru RR, Osani MC, Vaysbrot EE, et al.)",
        "Osteoarthritis and Cartilage 27(11), 1578-1589",
        "https://doi.org/10.1016/j.joca.2019.06.011",
        "2019",
    ),
    Source(
        "kl1957",
        "Radiological assessment of osteo-arthrosis (Kellgren JH, Lawrence JS)",
        "Annals of the Rheumatic Diseases 16(4), 494-502",
        pubmed_title("Radiological assessment of osteo-arthrosis"),
        "1957",
    ),
    Source(
        "piuzzi2018",
        "The Stem-Cell Market for the Treatment of Knee Osteoarthritis: A Patient Perspective "
        "(Piuzzi NS, Ng M, Chughtai M, et al.)",
        "The Journal of Knee Surgery 31(6), 551-556",
        "https://doi.org/10.1055/s-0037-1604443",
        "2018",
    ),
    Source(
        "asrm_law",
        "再生医療等の安全性の確保等に関する法律（平成25年法律第85号）",
        "e-Gov 法令検索（デジタル庁）",
        "https://laws.e-gov.go.jp/law/425AC0000000085",
        "2013",
    ),
    Source(
        "mhlw_saisei",
        "再生医療について",
        "厚生労働省",
        "https://www.mhlw.go.jp/stf/seisakunitsuite/bunya/kenkou_iryou/iryou/saisei_iryou/index.html",
    ),
    Source(
        "e_saisei",
        "e-再生医療（再生医療等提供計画の公開情報）",
        "厚生労働省",
        "https://saiseiiryo.mhlw.go.jp/published_plan/index/2",
    ),
    Source(
        "saisei_registry",
        "Saisei's extract of the e-再生医療 registry and the prices in the plans' published "
        "documents (data/registry/)",
        "Saisei",
        "/clinics/",
        "2026",
    ),
    Source(
        "isscr_handbook",
        "Patient Handbook on Stem Cell Therapies",
        "International Society for Stem Cell Research (ISSCR)",
        "https://www.isscr.org/patient-handbook",
    ),
    Source(
        "isscr_guidelines",
        "ISSCR Guidelines for Stem Cell Research and Clinical Translation",
        "International Society for Stem Cell Research (ISSCR)",
        "https://www.isscr.org/guidelines",
        "2021",
    ),
    Source(
        "fda_warning",
        "FDA Warns About Stem Cell Therapies",
        "U.S. Food and Drug Administration",
        "https://www.fda.gov/consumers/consumer-updates/fda-warns-about-stem-cell-therapies",
    ),
    Source(
        "mofa_medical_visa",
        "Visa for Medical Stay",
        "Ministry of Foreign Affairs of Japan",
        "https://www.mofa.go.jp/j_info/visit/visa/medical/index.html",
    ),
    Source(
        "mofa_exemption",
        "Exemption of Visa (Short-Term Stay)",
        "Ministry of Foreign Affairs of Japan",
        "https://www.mofa.go.jp/j_info/visit/visa/short/novisa.html",
    ),
    Source(
        "mhra",
        "Medicines and Healthcare products Regulatory Agency (advanced therapy medicinal products)",
        "UK government",
        "https://www.gov.uk/government/organisations/medicines-and-healthcare-products-regulatory-agency",
    ),
    Source(
        "tga",
        "Therapeutic Goods Administration: biologicals and autologous human cell and tissue "
        "products",
        "Australian Government",
        "https://www.tga.gov.au/",
    ),
    Source(
        "cofepris",
        "Comisión Federal para la Protección contra Riesgos Sanitarios (COFEPRIS)",
        "Gobierno de México",
        "https://www.gob.mx/cofepris",
    ),
    Source(
        "thai_mc",
        "The Medical Council of Thailand (แพทยสภา)",
        "The Medical Council of Thailand",
        "https://www.tmc.or.th/",
    ),
]

SOURCES: dict[str, Source] = {source.key: source for source in _SOURCES}
