namespace PasswordSafe.Emulator.Http;

/// <summary>The body of POST /emulator/late-answers; numbers are nullable so that a missing one is named as missing.</summary>
internal sealed class LateAnswerRuleBody
{
    public string? Method { get; set; }
    public string? Path { get; set; }
    public int? DelayMilliseconds { get; set; }
    public string? UserName { get; set; }
}
