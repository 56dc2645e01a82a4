using CourseKit.Judgment;

namespace CourseKit.Exercises.Answers;

/// <summary>A score from 0 to 10 on one dimension and the reason for it.</summary>
public sealed record DimensionJudgment(int Score, string Reason);

/// <summary>A four-dimension analysis of one trend, with the dimension the learner sees as its strongest change.</summary>
public sealed record TrendAnalysis(
    string Trend,
    DimensionJudgment Capability,
    DimensionJudgment Cost,
    DimensionJudgment Interaction,
    DimensionJudgment Workflow,
    Dimension StrongestChange);

/// <summary>The four bets a product can mainly make (seed 000).</summary>
public enum MainBet { Multimodality, RealTime, OnDevice, Workflow }

/// <summary>A product, the main bet it makes and why.</summary>
public sealed record ProductBet(string Product, MainBet Bet, string Justification);

/// <summary>One trend's total over the four dimensions and its strongest change.</summary>
public sealed record TrendTotal(string Trend, int Total, Dimension StrongestChange);

/// <summary>One line of a ranking, highest score first.</summary>
public sealed record RankedScore(string Name, decimal Score);

/// <summary>Where moving one weight alone flips the top item, and who takes over.</summary>
public sealed record WeightFlip(string Criterion, decimal Threshold, string NewTop);

/// <summary>A choice among named options, with a justification.</summary>
public sealed record Choice(string Option, string Justification);

/// <summary>The four threads in the learner's own order for a product goal they name, and why.</summary>
public sealed record ReRanking(string Goal, string[] Order, string Why);

/// <summary>A team's weights for lesson 2's three criteria, the thread they put on top, and the argument for them.</summary>
public sealed record WeightArgument(string Team, decimal ProductValue, decimal Stability, decimal EngineeringCost, string NewTop, string Why);

/// <summary>One score of one thread re-judged on new evidence: which thread, which criterion, the new score, the evidence.</summary>
public sealed record ScoreEvidence(string Thread, string Criterion, int NewScore, string Evidence);

/// <summary>Which of two tied trends to bet on first, the dimension that decides it, and why.</summary>
public sealed record TieBreak(string First, Dimension Deciding, string Why);

/// <summary>A trend or milestone placed on a main line of the trend map and scored on the four dimensions.</summary>
public sealed record MapPlacement(string Trend, string MainLine, int Ability, int CostImpact, int NewInteraction, int WorkflowChange, string Why);

/// <summary>One score of one 2026 outlook re-judged on new evidence, and the place among the four outlooks it then takes.</summary>
public sealed record OutlookEvidence(string Outlook, Dimension Dimension, int NewScore, int NewPlace, string Evidence);
