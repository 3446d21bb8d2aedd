namespace RnnNotebooks.Data;

/// <summary>What a review is about: films, restaurants, products or hotels, with the nouns its sentences name.</summary>
/// <param name="Name">"films", "restaurants", "products", "hotels".</param>
/// <param name="Subjects">Words for the whole thing: "movie", "film", ... ("this movie").</param>
/// <param name="TrainAspects">Parts of it that training and dev sentences name: "plot", "acting", ...</param>
/// <param name="TestAspects">Parts of it that only test sentences name.</param>
/// <param name="Again">What a happy customer would do again: "watch it again".</param>
public sealed record SentimentDomain(string Name, IReadOnlyList<string> Subjects, IReadOnlyList<string> TrainAspects,
    IReadOnlyList<string> TestAspects, string Again)
{
    /// <summary>The four domains of the bundled set.</summary>
    public static IReadOnlyList<SentimentDomain> All { get; } =
    [
        new("films", ["movie", "film", "sequel", "documentary", "show"],
            ["plot", "acting", "script", "soundtrack", "ending", "cast", "dialogue", "pacing", "story", "lead actor", "camera work", "humour"],
            ["screenplay", "finale", "villain", "special effects", "opening scene"], "watch it again"),
        new("restaurants", ["restaurant", "place", "cafe", "bistro", "diner"],
            ["food", "service", "pasta", "dessert", "staff", "wine", "soup", "pizza", "waiter", "menu", "steak", "coffee"],
            ["curry", "sushi", "bread", "chef", "salad"], "eat here again"),
        new("products", ["phone", "headset", "laptop", "charger", "tablet"],
            ["battery", "screen", "keyboard", "camera", "speaker", "case", "app", "sound quality", "build", "microphone", "price", "design"],
            ["touchpad", "strap", "remote", "cable", "manual"], "buy it again"),
        new("hotels", ["hotel", "resort", "inn", "hostel", "guesthouse"],
            ["room", "bed", "breakfast", "view", "pool", "location", "shower", "reception", "wifi", "lobby", "bathroom", "parking"],
            ["balcony", "spa", "gym", "carpet", "minibar"], "stay here again"),
    ];
}
