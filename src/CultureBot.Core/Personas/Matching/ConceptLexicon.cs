namespace CultureBot.Core.Personas.Matching;

/// <summary>
/// General customer-experience concepts, in French and English, that different words express: a customer who
/// complains about "cardboard and plastic" speaks of packaging, one who "calls the shop" of the phone channel.
/// Each word's stem also yields its concept's term, so that a description and a sheet meet on the idea when they
/// do not share a word. Domain knowledge of customer relations in general, not of one pack.
/// </summary>
internal static class ConceptLexicon
{
    private static readonly string[][] Concepts =
    [
        ["emballage", "suremballage", "carton", "plastique", "colis", "packaging", "cardboard", "plastic", "parcel", "wrapping"],
        ["ecologie", "ecologique", "environnement", "planete", "recycle", "recyclage", "durable", "carbone", "greenwashing", "ecology", "environment", "planet", "recycled", "sustainable", "carbon", "green"],
        ["prix", "cher", "budget", "economie", "economiser", "promotion", "promo", "soldes", "reduction", "remise", "price", "cheap", "expensive", "discount", "sale", "deal", "coupon"],
        ["attente", "attendre", "attend", "queue", "file", "delai", "lent", "lenteur", "wait", "waiting", "queue", "slow", "delay"],
        ["telephone", "appel", "appeler", "rappeler", "phone", "call", "calls", "called"],
        ["internet", "site", "web", "ligne", "application", "appli", "online", "website", "app"],
        ["magasin", "boutique", "agence", "comptoir", "store", "shop", "branch"],
        ["reparer", "reparation", "ressemeler", "ressemelage", "entretien", "repair", "fix", "maintenance", "mend"],
        ["louer", "location", "rent", "rental", "hire"],
        ["occasion", "reconditionne", "seconde", "used", "refurbished", "secondhand"],
        ["devis", "facture", "quote", "invoice", "estimate"],
        ["enfant", "enfants", "famille", "maman", "papa", "mere", "pere", "fils", "fille", "children", "kids", "family", "mother", "father", "son", "daughter", "mum", "mom", "dad"],
        ["debutant", "novice", "decouvre", "premiere", "apprendre", "beginner", "first", "learn", "newcomer"],
        ["expert", "technique", "caracteristique", "specification", "pointu", "technical", "specs", "specification", "expertise"],
        ["fidele", "habitue", "fidelite", "loyal", "regular", "loyalty"],
        ["retraite", "retraitee", "senior", "retired", "retiree", "pension"],
        ["etudiant", "etudiante", "student", "college", "university", "fac"],
        ["livraison", "livrer", "livre", "delivery", "deliver", "shipping"],
        ["vendeur", "conseiller", "conseil", "interlocuteur", "seller", "salesperson", "advisor", "adviser", "advice"],
    ];

    private static readonly Dictionary<string, string> ByStem = Build();

    /// <summary>The concept term of a stem (<c>~3</c>), or null.</summary>
    public static string? ConceptOf(string stem) => ByStem.GetValueOrDefault(stem);

    private static Dictionary<string, string> Build()
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < Concepts.Length; i++)
        {
            foreach (var word in Concepts[i])
            {
                if (TextAnalyzer.Stem(word) is { } stem)
                {
                    map.TryAdd(stem, "~" + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
                }
            }
        }

        return map;
    }
}
