using System.CommandLine;

namespace CourseKit.Cli;

/// <summary>An option taking a whole number from 1 to a maximum, refused with a message naming the option otherwise.</summary>
public static class WholeNumberOption
{
    /// <summary>A day: time limits become timers, and timers longer than about 49 days cannot be set.</summary>
    public const int MaxSeconds = 86_400;

    public static Option<int> Create(string name, string description, int fallback, int max, string unit)
    {
        var option = new Option<int>(name) { Description = description, DefaultValueFactory = _ => fallback };
        option.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<int>();
            if (value < 1 || value > max) result.AddError($"{name} must be a whole number of {unit} from 1 to {max}; got {value}.");
        });
        return option;
    }
}
