using System.Text.Json;
using System.Text.Json.Nodes;
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

    /// <summary>
    /// <paramref name="value"/> as <see cref="JsonSerializer.SerializeToNode(object?, Type, JsonSerializerOptions?)"/> with
    /// <see cref="Options"/> writes it, for the shapes answers have: objects of public properties holding text, numbers,
    /// booleans, enums, lists and such objects. Written with System.Text.Json's writer, property by property: a notebook
    /// worker is a fresh process per submission, and the serializer's first use there JIT-compiled about 150 generic
    /// methods (about a third of the worker's CPU, bench/README.md). Anything else goes to the serializer.
    /// </summary>
    public static JsonNode? ToNode(object? value)
    {
        if (value is not null && !IsPlainAnswer(value.GetType())) return JsonSerializer.SerializeToNode(value, value.GetType(), Options);
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer)) Write(json, value);
        return JsonNode.Parse(buffer.WrittenSpan);
    }

    /// <summary>
    /// <paramref name="data"/> read as <typeparamref name="T"/>, as <c>data.Deserialize&lt;T&gt;(Options)</c> reads it. Data in
    /// exactly the shape <see cref="ToNode"/> writes for a plain type (every property, by its own name, of its own kind) is
    /// read property by property, for the reason ToNode gives; data in any other shape goes to the serializer, which then
    /// reads it or throws as it always did.
    /// </summary>
    public static T? FromNode<T>(JsonNode? data)
    {
        try
        {
            if (IsPlainAnswer(typeof(T)) && TryRead(data, typeof(T), out var value)) return (T?)value;
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            // Whatever the quick reading could not take, the serializer reads or reports.
        }
        return data.Deserialize<T>(Options);
    }

    private static bool TryRead(JsonNode? node, Type type, out object? value)
    {
        value = null;
        var underlying = Nullable.GetUnderlyingType(type);
        if (node is null) return !type.IsValueType || underlying is not null;
        type = underlying ?? type;
        if (node is JsonValue scalar)
        {
            // Text made into a value in this process (a free-text answer, TextShape) holds a string, not a JSON element.
            if (type == typeof(string) && scalar.GetValueKind() == JsonValueKind.String && scalar.TryGetValue<string>(out var text))
            {
                value = text;
                return true;
            }
            if (!scalar.TryGetValue<JsonElement>(out var element)) return false;
            value = element.ValueKind switch
            {
                JsonValueKind.String when type == typeof(string) => element.GetString(),
                JsonValueKind.True or JsonValueKind.False when type == typeof(bool) => element.GetBoolean(),
                JsonValueKind.Number when type == typeof(int) && element.TryGetInt32(out var number) => number,
                JsonValueKind.Number when type == typeof(long) && element.TryGetInt64(out var number) => number,
                JsonValueKind.Number when type == typeof(decimal) && element.TryGetDecimal(out var number) => number,
                JsonValueKind.Number when type == typeof(double) && element.TryGetDouble(out var number) => number,
                JsonValueKind.String when type == typeof(double) => element.GetString() switch
                {
                    "NaN" => double.NaN,
                    "Infinity" => double.PositiveInfinity,
                    "-Infinity" => double.NegativeInfinity,
                    _ => null,
                },
                JsonValueKind.String when type.IsEnum => Enum.GetNames(type).Contains(element.GetString(), StringComparer.Ordinal)
                    ? Enum.Parse(type, element.GetString()!) : null,
                JsonValueKind.Number when type.IsEnum && element.TryGetInt64(out var number) && !Enum.IsDefined(type, Enum.ToObject(type, number))
                    => Enum.ToObject(type, number),
                _ => null,
            };
            return value is not null;
        }
        if (node is JsonArray array)
        {
            var elementType = type.IsArray ? type.GetElementType()! : type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>) ? type.GetGenericArguments()[0] : null;
            if (elementType is null) return false;
            var items = Array.CreateInstance(elementType, array.Count);
            for (var i = 0; i < array.Count; i++)
            {
                if (!TryRead(array[i], elementType, out var item)) return false;
                items.SetValue(item, i);
            }
            value = type.IsArray ? items : Activator.CreateInstance(type, items);
            return true;
        }
        if (node is not JsonObject json || type.IsArray || type.IsGenericType) return false;
        var properties = Properties(type).ToList();
        var constructors = type.GetConstructors();
        if (constructors.Length != 1 || json.Count != properties.Count) return false;
        var parameters = constructors[0].GetParameters();
        if (parameters.Length != properties.Count) return false;
        var arguments = new object?[parameters.Length];
        for (var i = 0; i < parameters.Length; i++)
        {
            var property = properties.SingleOrDefault(p => p.Name == parameters[i].Name && p.PropertyType == parameters[i].ParameterType);
            if (property is null || !json.TryGetPropertyValue(property.Name, out var field) || !TryRead(field, property.PropertyType, out arguments[i])) return false;
        }
        value = constructors[0].Invoke(arguments);
        return true;
    }

    private static readonly Dictionary<Type, bool> Plain = [];

    // Asked for every answer and every check the grader runs: worked out once per type.
    private static bool IsPlainAnswer(Type type)
    {
        lock (Plain)
        {
            if (!Plain.TryGetValue(type, out var plain)) Plain[type] = plain = IsPlain(type, depth: 0);
            return plain;
        }
    }

    // Types ToNode writes itself; enough depth for every answer type, never a cycle.
    private static bool IsPlain(Type type, int depth)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string) || type == typeof(bool) || type == typeof(int) || type == typeof(long) || type == typeof(decimal)
            || type == typeof(double) || type.IsEnum && !type.IsDefined(typeof(FlagsAttribute), inherit: false))
            return true;
        if (depth > 4 || type.IsPointer || type.IsByRef || typeof(JsonNode).IsAssignableFrom(type) || typeof(Delegate).IsAssignableFrom(type)) return false;
        if (type.IsArray) return type.GetArrayRank() == 1 && IsPlain(type.GetElementType()!, depth + 1);
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>)) return IsPlain(type.GetGenericArguments()[0], depth + 1);
        if (typeof(System.Collections.IEnumerable).IsAssignableFrom(type) || !type.IsClass || !type.IsSealed || type.IsGenericType
            || type.BaseType != typeof(object)
            || type.GetCustomAttributes(inherit: true).Any(a => a.GetType().Namespace == "System.Text.Json.Serialization"))
            return false;
        return Properties(type).All(p => p.GetCustomAttributes(inherit: true).All(a => a.GetType().Namespace != "System.Text.Json.Serialization")
            && IsPlain(p.PropertyType, depth + 1));
    }

    private static IEnumerable<System.Reflection.PropertyInfo> Properties(Type type) =>
        type.GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance)
            .Where(p => p.GetMethod is { IsPublic: true } && p.GetIndexParameters().Length == 0);

    private static void Write(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null:
                json.WriteNullValue();
                return;
            case string text:
                json.WriteStringValue(text);
                return;
            case bool flag:
                json.WriteBooleanValue(flag);
                return;
            case int number:
                json.WriteNumberValue(number);
                return;
            case long number:
                json.WriteNumberValue(number);
                return;
            case decimal number:
                json.WriteNumberValue(number);
                return;
            case double number when double.IsFinite(number):
                json.WriteNumberValue(number);
                return;
            case double number:
                // Options allow named literals, as the serializer writes them.
                json.WriteStringValue(double.IsNaN(number) ? "NaN" : number > 0 ? "Infinity" : "-Infinity");
                return;
            case Enum choice:
                // JsonStringEnumConverter: a named value by its name, any other by its number.
                if (Enum.IsDefined(choice.GetType(), choice)) json.WriteStringValue(choice.ToString());
                else json.WriteNumberValue(Convert.ToInt64(choice, System.Globalization.CultureInfo.InvariantCulture));
                return;
            case System.Collections.IEnumerable items:
                json.WriteStartArray();
                foreach (var item in items) Write(json, item);
                json.WriteEndArray();
                return;
        }
        json.WriteStartObject();
        foreach (var property in Properties(value.GetType()))
        {
            json.WritePropertyName(property.Name);
            Write(json, property.GetValue(value));
        }
        json.WriteEndObject();
    }

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
