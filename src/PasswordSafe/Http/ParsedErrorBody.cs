namespace PasswordSafe.Http;

/// <summary>What an error body said: a D1 reason code, a message, or both.</summary>
internal sealed class ParsedErrorBody
{
    public ParsedErrorBody(int? reasonCode, string? message, bool isHtml)
    {
        ReasonCode = reasonCode;
        Message = message;
        IsHtml = isHtml;
    }

    public int? ReasonCode { get; }

    public string? Message { get; }

    /// <summary>True when the body was an HTML page (a proxy or a login page, not the API).</summary>
    public bool IsHtml { get; }
}
