namespace CourseKit.Grading;

/// <summary>The grader itself cannot go on (bad arguments, a missing folder, a bad manual sheet); the message is one line.</summary>
public sealed class GradingException(string message) : Exception(message);
