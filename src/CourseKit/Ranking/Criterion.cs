namespace CourseKit.Ranking;

/// <summary>One named criterion value of an item, e.g. <c>product_value = 9</c>.</summary>
public readonly record struct Criterion(string Name, decimal Value);
