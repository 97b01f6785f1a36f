using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Net;
using System.Security;
using System.Text;

namespace PasswordSafe.Tests.Infrastructure;

/// <summary>
/// Records every write and prompt. Interactive: prompts are answered from <see cref="Answers"/>.
/// Non-interactive: reads and prompts throw exactly like <c>pwsh -NonInteractive</c>, which is what a
/// scheduled task sees.
/// </summary>
public sealed class TestHostUserInterface : PSHostUserInterface
{
    // Same text as ConsoleHost's NonInteractive refusal, so the module sees what it would see in production.
    private const string NonInteractiveMessage =
        "PowerShell is in NonInteractive mode. Read and Prompt functionality is not available.";

    private readonly bool interactive;
    private readonly ConcurrentQueue<string> written = new();
    private readonly ConcurrentQueue<string> prompts = new();
    private readonly StringBuilder currentLine = new();
    private readonly object lineLock = new();

    public TestHostUserInterface(bool interactive) => this.interactive = interactive;

    /// <summary>Answers given, in order, to Prompt/ReadLine/PromptForCredential password fields.</summary>
    public ConcurrentQueue<string> Answers { get; } = new();

    /// <summary>Everything written to the host, line by line (Write, WriteLine, Verbose, Warning, …).</summary>
    public IReadOnlyCollection<string> Written
    {
        get
        {
            FlushPartialLine();
            return written.ToArray();
        }
    }

    /// <summary>Captions, messages and field labels of every prompt the module raised.</summary>
    public IReadOnlyCollection<string> Prompts => prompts.ToArray();

    public override PSHostRawUserInterface RawUI { get; } = new TestHostRawUserInterface();

    public override bool SupportsVirtualTerminal => false;

    public override Dictionary<string, PSObject> Prompt(string caption, string message, Collection<FieldDescription> descriptions)
    {
        RecordPrompt(caption, message);
        var answers = new Dictionary<string, PSObject>();
        foreach (var field in descriptions)
        {
            RecordPrompt(field.Label, field.HelpMessage);
            var answer = NextAnswer();
            var wantsSecure = field.ParameterTypeName?.Contains("SecureString", StringComparison.OrdinalIgnoreCase) == true;
            answers[field.Name] = wantsSecure ? new PSObject(ToSecureString(answer)) : new PSObject(answer);
        }

        return answers;
    }

    public override int PromptForChoice(string caption, string message, Collection<ChoiceDescription> choices, int defaultChoice)
    {
        RecordPrompt(caption, message);
        var answer = NextAnswer();
        for (var i = 0; i < choices.Count; i++)
        {
            if (string.Equals(choices[i].Label.Replace("&", string.Empty), answer, StringComparison.OrdinalIgnoreCase)) return i;
        }

        return int.TryParse(answer, out var index) ? index : defaultChoice;
    }

    public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName) =>
        PromptForCredential(caption, message, userName, targetName, PSCredentialTypes.Default, PSCredentialUIOptions.Default);

    public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName,
        PSCredentialTypes allowedCredentialTypes, PSCredentialUIOptions options)
    {
        RecordPrompt(caption, message);
        return new PSCredential(string.IsNullOrEmpty(userName) ? "user" : userName, ToSecureString(NextAnswer()));
    }

    public override string ReadLine()
    {
        RecordPrompt("ReadLine", null);
        return NextAnswer();
    }

    public override SecureString ReadLineAsSecureString()
    {
        RecordPrompt("ReadLineAsSecureString", null);
        return ToSecureString(NextAnswer());
    }

    public override void Write(string value) => Append(value);

    public override void Write(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) => Append(value);

    public override void WriteLine(string value)
    {
        Append(value);
        FlushPartialLine(force: true);
    }

    public override void WriteErrorLine(string value) => written.Enqueue("ERROR: " + value);

    public override void WriteDebugLine(string message) => written.Enqueue("DEBUG: " + message);

    public override void WriteVerboseLine(string message) => written.Enqueue("VERBOSE: " + message);

    public override void WriteWarningLine(string message) => written.Enqueue("WARNING: " + message);

    public override void WriteInformation(InformationRecord record) => written.Enqueue("INFO: " + record);

    public override void WriteProgress(long sourceId, ProgressRecord record) =>
        written.Enqueue($"PROGRESS: {record.Activity} {record.StatusDescription} {record.CurrentOperation}");

    private static SecureString ToSecureString(string text) => new NetworkCredential(string.Empty, text).SecurePassword;

    private string NextAnswer()
    {
        if (!interactive)
        {
            throw new PSInvalidOperationException(NonInteractiveMessage);
        }

        if (!Answers.TryDequeue(out var answer))
        {
            // A prompt nobody planned for is a test failure, not a hang.
            throw new PSInvalidOperationException("The test host has no answer queued for this prompt.");
        }

        return answer;
    }

    private void RecordPrompt(string? caption, string? message)
    {
        var text = $"{caption} {message}".Trim();
        prompts.Enqueue(text);
        written.Enqueue("PROMPT: " + text);
    }

    private void Append(string value)
    {
        lock (lineLock)
        {
            currentLine.Append(value);
        }
    }

    private void FlushPartialLine(bool force = false)
    {
        lock (lineLock)
        {
            if (currentLine.Length > 0 || force)
            {
                written.Enqueue(currentLine.ToString());
                currentLine.Clear();
            }
        }
    }
}
