namespace CultureBot.Core.Quiz;

/// <summary>
/// Points for a right answer: 100, plus up to 50 for speed (all 50 at once, none at the bell), plus 10 per round
/// of the current streak beyond the first (at most 50). A wrong answer or none scores nothing and ends the streak.
/// </summary>
public static class QuizScoring
{
    public const int Base = 100;
    public const int MaxSpeedBonus = 50;
    public const int StreakStep = 10;
    public const int MaxStreakBonus = 50;

    public static int Points(bool correct, TimeSpan taken, TimeSpan open, int streak)
    {
        if (!correct)
        {
            return 0;
        }

        var left = open <= TimeSpan.Zero ? 0 : Math.Clamp(1 - (taken / open), 0, 1);
        return Base + (int)Math.Round(MaxSpeedBonus * left) + Math.Min(MaxStreakBonus, StreakStep * Math.Max(0, streak - 1));
    }

    /// <summary>
    /// The streak a right answer in <paramref name="round"/> makes: 1 plus the rounds right just before it, in a row.
    /// <paramref name="rightRounds"/> are the rounds of this game the player got right.
    /// </summary>
    public static int Streak(IReadOnlySet<int> rightRounds, int round)
    {
        ArgumentNullException.ThrowIfNull(rightRounds);
        var streak = 1;
        while (rightRounds.Contains(round - streak))
        {
            streak++;
        }

        return streak;
    }
}
