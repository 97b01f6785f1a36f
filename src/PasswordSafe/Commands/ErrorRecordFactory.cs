using System;
using System.Management.Automation;
using PasswordSafe.Http;
using PasswordSafe.Internal;

namespace PasswordSafe.Commands;

/// <summary>
/// Builds the module's ErrorRecords: the stable id, the contract's category, the item as target, and the
/// action the user should take, shown exactly once wherever the error is displayed.
/// </summary>
internal static class ErrorRecordFactory
{
    // PowerShell 7.5 added a "Recommendation:" line under the message in ConciseView (and DetailedView lists
    // ErrorDetails whole); older engines and the other views show only the message.
    private static readonly Version FirstEngineShowingRecommendation = new Version(7, 5);

    private static readonly bool EngineShowsRecommendation =
        typeof(PSObject).Assembly.GetName().Version >= FirstEngineShowingRecommendation;

    /// <summary>
    /// The record for <paramref name="exception"/>. Its RecommendedAction always carries the advice; the message
    /// carries it too unless <paramref name="viewShowsRecommendation"/> says the error view prints it on its own line.
    /// </summary>
    internal static ErrorRecord Create(PasswordSafeException exception, object? target, bool viewShowsRecommendation)
    {
        var record = new ErrorRecord(exception, exception.ErrorId, ErrorCategories.For(exception.ErrorId), target);
        var message = exception.RecommendedAction == null || viewShowsRecommendation
            ? exception.Message
            : EndSentence(exception.Message) + " " + exception.RecommendedAction;
        record.ErrorDetails = new ErrorDetails(message) { RecommendedAction = exception.RecommendedAction };
        return record;
    }

    /// <summary>Whether this engine, with <c>$ErrorView</c> set to <paramref name="errorView"/>, prints RecommendedAction itself.</summary>
    internal static bool ViewShowsRecommendation(object? errorView) => ViewShowsRecommendation(EngineShowsRecommendation, errorView);

    internal static bool ViewShowsRecommendation(bool engineShowsRecommendation, object? errorView)
    {
        if (!engineShowsRecommendation)
        {
            return false;
        }

        // Unset means the engine's default view, ConciseView on 7.x.
        var view = errorView?.ToString();
        return string.IsNullOrEmpty(view)
            || view!.Equals("ConciseView", StringComparison.OrdinalIgnoreCase)
            || view.Equals("DetailedView", StringComparison.OrdinalIgnoreCase);
    }

    // Server messages often lack a final period; the action must still read as its own sentence.
    private static string EndSentence(string text) =>
        text.Length == 0 || ".!?".IndexOf(text[text.Length - 1]) >= 0 ? text : text + ".";
}
