namespace CourseKit.Tests.Course;

/// <summary>The source texts' "Expected output" lines, which the lessons print verbatim, by lesson file.</summary>
public static class SeedOutputs
{
    public const string Lesson1Verdicts =
        "multimodal: total=32, strongest_change=ability\n" +
        "small_models: total=27, strongest_change=cost_impact\n" +
        "real_time_generation: total=32, strongest_change=new_interaction\n";

    public const string Lesson1Advice =
        "multimodal -> First look at what new tasks it can do\n" +
        "small_models -> First look at whether it lowers large-scale usage cost\n" +
        "real_time_generation -> First look at whether it changes the user entry point\n";

    public const string Lesson2Ranking =
        "{'name': 'stronger controllable editing', 'product_value': 10, 'engineering_cost': 7, 'stability': 8, 'score': 6.0}\n" +
        "{'name': 'faster sampling', 'product_value': 9, 'engineering_cost': 6, 'stability': 8, 'score': 5.7}\n" +
        "{'name': 'unified multimodal input', 'product_value': 8, 'engineering_cost': 8, 'stability': 6, 'score': 4.2}\n" +
        "{'name': 'from single images to video and 3D', 'product_value': 8, 'engineering_cost': 9, 'stability': 5, 'score': 3.7}\n";

    /// <summary>Every lesson that prints seed lines, with the blocks it prints.</summary>
    public static IReadOnlyDictionary<string, string[]> ByLesson { get; } = new Dictionary<string, string[]>
    {
        ["01-AIGC-Frontier-Trends.ipynb"] = [Lesson1Verdicts, Lesson1Advice],
        ["02-Image-Generation-Progress.ipynb"] = [Lesson2Ranking],
    };
}
