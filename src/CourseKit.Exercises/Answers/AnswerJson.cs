using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace CourseKit.Exercises.Answers;

/// <summary>How answers travel as data: plain JSON, enums by name.</summary>
public static class AnswerJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        Converters = { new JsonStringEnumConverter() },
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        PropertyNameCaseInsensitive = true,
        TypeInfoResolver = JsonTypeInfoResolver.Combine(AnswerJsonContext.Default, new DefaultJsonTypeInfoResolver()),
    };

    /// <summary>A learner-friendly name of a type, e.g. "a list of RankedScore".</summary>
    public static string Describe(Type type)
    {
        if (type.IsArray) return $"a list of {type.GetElementType()!.Name}";
        if (type.IsGenericType && type.GetGenericArguments().Length == 1 &&
            typeof(System.Collections.IEnumerable).IsAssignableFrom(type))
            return $"a list of {type.GetGenericArguments()[0].Name}";
        return type == typeof(string) ? "text" : $"a value of type {type.Name}";
    }
}
