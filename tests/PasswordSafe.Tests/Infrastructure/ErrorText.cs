using System.Management.Automation;

namespace PasswordSafe.Tests.Infrastructure;

/// <summary>
/// The text PowerShell 7.5+'s default error view (ConciseView, the hosted engine's too) shows for an error: the
/// message, then "Recommendation:" and the advice on its own line. ErrorDisplayTests checks the real rendering.
/// </summary>
public static class ErrorText
{
    public static string Shown(ErrorRecord error)
    {
        var message = error.ErrorDetails?.Message ?? error.Exception.Message;
        var advice = error.ErrorDetails?.RecommendedAction;
        return string.IsNullOrWhiteSpace(advice) ? message : message + "\n  Recommendation: " + advice;
    }
}
