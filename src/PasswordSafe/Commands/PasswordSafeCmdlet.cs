using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Threading;
using System.Threading.Tasks;
using PasswordSafe.Http;
using PasswordSafe.Internal;
using PasswordSafe.Session;

namespace PasswordSafe.Commands;

/// <summary>
/// The thin base of every cmdlet: it resolves the session, owns the cancellation that Ctrl+C triggers,
/// runs calls on the pipeline thread (writing their Verbose/Debug lines there), and builds ErrorRecords.
/// </summary>
public abstract class PasswordSafeCmdlet : PSCmdlet, IDisposable
{
    private readonly CancellationTokenSource _stopping = new CancellationTokenSource();
    private bool? _verboseWanted;
    private bool? _debugWanted;
    private bool? _sessionGivenOnCommandLine;
    private PasswordSafeSession? _replacementNoted;
    private PipelineInput? _pipelineInput;
    private HashSet<string>? _ignoredColumnsWarned;

    // Set once this invocation changed something on the server, or holds a result the server shows only once: from then
    // on a Verbose, Debug or Warning line must not fail the command (see WriteVerbose).
    private bool _resultAtStake;

    // NotConnected as this invocation can explain it (whose session, why the default did not stand in), for the session
    // last resolved when that one is disconnected; the connection's own refusal knows neither.
    private PasswordSafeException? _disconnectedSession;

    /// <summary>Cancelled by StopProcessing (Ctrl+C): aborts sockets and retry waits.</summary>
    protected CancellationToken StopToken => _stopping.Token;

    public void Dispose()
    {
        _stopping.Dispose();
        GC.SuppressFinalize(this);
    }

    protected override void StopProcessing() => _stopping.Cancel();

    /// <summary>
    /// Notes whether -Session came from the command line: only what the command line gives is bound before
    /// BeginProcessing, a piped object's Session property is bound later, per record. Overrides call this base.
    /// </summary>
    protected override void BeginProcessing()
    {
        _sessionGivenOnCommandLine = MyInvocation.BoundParameters.ContainsKey("Session");
        _pipelineInput = PipelineInput.Start(this);
    }

    /// <summary>
    /// Sealed so every cmdlet gets the piped-record rules (<see cref="PipedRecordRules"/>) before its own work, which is
    /// <see cref="ProcessItem"/>: a record the cmdlet can use nothing of but its session is skipped with InputNotUsable
    /// instead of running as if nothing were piped. Without pipeline input this is one null check.
    /// </summary>
    protected sealed override void ProcessRecord()
    {
        var input = _pipelineInput;
        if (input == null)
        {
            ProcessItem();
            return;
        }

        input.Read();
        try
        {
            var refusal = PipedRecordRules.Check(this, input, out var target);
            if (refusal == null)
            {
                if (RefusesPipedObject())
                {
                    return;
                }

                WarnOfIgnoredColumns(input);
                ProcessItem();
            }
            else
            {
                WriteError(CreateErrorRecord(refusal, target));
            }
        }
        finally
        {
            input.Forget();
        }
    }

    /// <summary>Once per column and invocation, not once per row: a CSV of a thousand rows gets one warning.</summary>
    private void WarnOfIgnoredColumns(PipelineInput input)
    {
        foreach (var (column, parameter) in PipedRecordRules.ColumnsThisSetIgnores(this, input))
        {
            _ignoredColumnsWarned ??= new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            if (_ignoredColumnsWarned.Add(column))
            {
                WriteWarning(PipedRecordRules.IgnoredColumnWarning(this, input, column, parameter));
            }
        }
    }

    /// <summary>The cmdlet's work for the command line or for one piped record (what ProcessRecord is elsewhere).</summary>
    protected abstract void ProcessItem();

    /// <summary>The object under the piped record being processed (to name it in -WhatIf and errors), or null without pipeline input.</summary>
    internal object? PipedObject => _pipelineInput?.Record?.BaseObject;

    /// <summary>
    /// The parameters an object this module wrote may fill when piped in: its ids. Its other properties are the server's
    /// values when it was read, not changes, so they are not taken (a Get- object piped into Set- -OneValue changes only
    /// that value). Null: the cmdlet takes whatever binds.
    /// </summary>
    internal virtual IReadOnlyCollection<string>? ObjectKeyParameters => null;

    /// <summary>
    /// Whether a record that gave only -Session is still input this cmdlet works on: a session piped as itself, by
    /// default; the cmdlets about a session (Test-, Use-PasswordSafeSession, Disconnect-PasswordSafe) take any object's.
    /// </summary>
    internal virtual bool TakesPipedSession(PSObject? record) => record?.BaseObject is PasswordSafeSession;

    /// <summary>
    /// True, after writing why, when the piped record is an object of this module the cmdlet must not take although its
    /// ids bind (a group's permission grant piped into Remove-PSUserGroup); the record is skipped.
    /// </summary>
    internal virtual bool RefusesPipedObject() => false;

    /// <summary>Advice added to InputNotUsable where a cmdlet has more to say (what the API offers instead).</summary>
    internal virtual string? PipedInputHint => null;

    /// <summary>
    /// Parameters of other sets whose piped columns, in <paramref name="parameterSet"/>, only describe the item the record
    /// names (a request row's SystemId and AccountId, once its RequestId chose the request): not warned of as ignored.
    /// </summary>
    internal virtual bool ColumnDescribesTheItem(string parameterSet, string parameter) => false;

    /// <summary>The piped record being processed (null without pipeline input, or when the engine does not say).</summary>
    internal PSObject? PipedRecord => _pipelineInput?.Record;

    /// <summary>The record being processed is a row (Import-Csv, Select-Object, [pscustomobject]), not an object this module wrote.</summary>
    internal bool PipedRecordIsRow => _pipelineInput?.Record != null && !_pipelineInput.RecordIsModuleObject;

    /// <summary>Given on the command line (or by $PSDefaultParameterValues), as opposed to bound from a piped record.</summary>
    internal bool GivenOnCommandLine(string parameter) => _pipelineInput == null
        ? MyInvocation.BoundParameters.ContainsKey(parameter)
        : _pipelineInput.BoundBeforeInput(parameter);

    /// <summary>
    /// The session an API call uses: -Session (given, or bound from a piped object), else this runspace's default;
    /// terminates with NotConnected when there is neither. A piped object's disconnected session gives way to the default
    /// when that is the same user on the same server (SessionFallback); a disconnected session nothing replaces is
    /// returned as it is, so the first call fails before sending anything, with this item as the error's target.
    /// </summary>
    internal PasswordSafeSession ResolveSession(PasswordSafeSession? bound)
    {
        var defaultSession = SessionStore.Current.Default;
        var session = GivenSessionOrDefault(bound);
        if (!session.IsConnected)
        {
            // A cmdlet whose override skipped BeginProcessing cannot tell; it keeps the session it was given.
            var origin = bound == null ? SessionOrigin.Default
                : _sessionGivenOnCommandLine == false ? SessionOrigin.Piped : SessionOrigin.Explicit;
            var replacement = SessionFallback.Replacement(session, origin, defaultSession);
            if (replacement == null)
            {
                _disconnectedSession = SessionFallback.Disconnected(session, origin, defaultSession);
                return session;
            }

            if (!ReferenceEquals(_replacementNoted, session))
            {
                _replacementNoted = session;
                WriteVerbose(SessionFallback.ReplacedNote(session));
            }

            session = replacement;
            session.Connection.NoteCommand(MyInvocation.MyCommand.Name);
        }

        _disconnectedSession = null;
        return session;
    }

    /// <summary>
    /// The session given, else this runspace's default, never another: for the cmdlets that act on the session object
    /// itself (Disconnect-PasswordSafe). Terminates with NotConnected when there is neither.
    /// </summary>
    internal PasswordSafeSession GivenSessionOrDefault(PasswordSafeSession? given)
    {
        var session = given ?? SessionStore.Current.Default;
        if (session == null)
        {
            ThrowTerminatingError(CreateErrorRecord(new PasswordSafeException(ErrorIds.NotConnected,
                "There is no Password Safe session in this runspace.",
                "Run Connect-PasswordSafe first, or pass a session with -Session."), null));
        }

        session!.Connection.NoteCommand(MyInvocation.MyCommand.Name);
        return session;
    }

    /// <summary>
    /// Runs an async call to completion on the pipeline thread. Its log lines are written afterwards
    /// from this thread; Ctrl+C surfaces as PipelineStoppedException, never as an error record.
    /// </summary>
    internal T Run<T>(Func<RequestLog, CancellationToken, Task<T>> call) => Run(call, deferLogOnSuccess: false, out _);

    /// <summary>
    /// Like <see cref="Run{T}(Func{RequestLog, CancellationToken, Task{T}})"/> for a call whose result must not be lost
    /// to a failing log write (a secret shown once, a request that must be checked in): on success its log lines are
    /// handed back unwritten, for the caller to write once the result is safe (<see cref="WriteOnceOnlyResult"/>, or
    /// Use-PSCredential inside its try/finally). A failed call writes them at once, as usual.
    /// </summary>
    internal T RunOnceOnly<T>(Func<RequestLog, CancellationToken, Task<T>> call, out RequestLog log) => Run(call, deferLogOnSuccess: true, out log);

    private T Run<T>(Func<RequestLog, CancellationToken, Task<T>> call, bool deferLogOnSuccess, out RequestLog deferredLog)
    {
        var log = NewRequestLog();
        deferredLog = log;
        Task<T> task;
        // This thread waits for the call anyway, so its HTTP sends may block it instead of hopping threads.
        BlockingSend.Enter();
        try
        {
            task = call(log, StopToken);
        }
        catch (Exception e)
        {
            task = Task.FromException<T>(e);
        }
        finally
        {
            BlockingSend.Exit();
        }

        return Complete(new PendingCall<T>(task, log), deferLogOnSuccess);
    }

    /// <summary>
    /// Starts a call on a pool thread and returns at once, so the pipeline thread can write earlier results
    /// meanwhile (the next listing page downloads while this one is written). Finish it with <see cref="Complete{T}"/>.
    /// </summary>
    internal PendingCall<T> Start<T>(Func<RequestLog, CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        var log = NewRequestLog();
        return new PendingCall<T>(Task.Run(() => call(log, cancellationToken), cancellationToken), log);
    }

    /// <summary>Waits for a call on the pipeline thread and writes its log lines there.</summary>
    internal T Complete<T>(PendingCall<T> pending) => Complete(pending, deferLogOnSuccess: false);

    private T Complete<T>(PendingCall<T> pending, bool deferLogOnSuccess)
    {
        var succeeded = false;
        ProgressRecord? progressShown = null;
        try
        {
            var task = pending.Task;
            if (!task.IsCompleted)
            {
                // Task.Wait spins before it blocks; with the server on the same two cores (or eight runspaces
                // waiting at once) that spinning takes the CPU the answer needs. A plain kernel wait does not.
                // It wakes a few times a second only to show the progress a long wait posts (an approval).
                var done = ((IAsyncResult)task).AsyncWaitHandle;
                while (!done.WaitOne(ProgressCheckInterval))
                {
                    if (pending.Log.TakeProgress() is { } progress && !StopToken.IsCancellationRequested)
                    {
                        WriteProgress(progress);
                        progressShown = progress;
                    }
                }
            }

            var result = task.GetAwaiter().GetResult();
            succeeded = true;
            return result;
        }
        catch (OperationCanceledException) when (StopToken.IsCancellationRequested)
        {
            throw new PipelineStoppedException();
        }
        catch (PasswordSafeException e) when (e.ErrorId == ErrorIds.NotConnected && _disconnectedSession is { } explained)
        {
            // Refused before sending: the session this invocation resolved is disconnected. Say whose it was and what to do.
            throw new PasswordSafeException(explained.ErrorId, explained.Message, explained.RecommendedAction, e);
        }
        catch (ObjectDisposedException e)
        {
            // Another runspace disconnected the session while this call was using it.
            throw new PasswordSafeException(ErrorIds.NotConnected, "The session was disconnected while the call ran.",
                "Run Connect-PasswordSafe to start a new session.", e);
        }
        finally
        {
            _resultAtStake |= pending.Log.ChangedState;
            if (progressShown != null && !StopToken.IsCancellationRequested)
            {
                progressShown.RecordType = ProgressRecordType.Completed;
                WriteProgress(progressShown);
            }

            if (!StopToken.IsCancellationRequested && !(succeeded && deferLogOnSuccess))
            {
                WriteLog(pending.Log);
            }
        }
    }

    /// <summary>How often a waiting pipeline thread looks for progress to show; a call that answers sooner never waits it.</summary>
    private static readonly TimeSpan ProgressCheckInterval = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// A log whose streams are on only when this invocation would show them (-Verbose/-Debug, or the preference
    /// variables in scope), so no log text — above all no redacted Debug body — is built for nobody.
    /// </summary>
    internal RequestLog NewRequestLog()
    {
        _debugWanted ??= StreamWanted("Debug", "DebugPreference");
        // PowerShell shows Verbose for -Debug too, unless -Verbose:$false says otherwise.
        _verboseWanted ??= MyInvocation.BoundParameters.ContainsKey("Verbose") || !DebugSwitchGiven()
            ? StreamWanted("Verbose", "VerbosePreference")
            : true;
        return new RequestLog(_verboseWanted.Value, _debugWanted.Value);
    }

    /// <summary>
    /// For a result the server shows only once (a new key or client secret), after <see cref="RunOnceOnly{T}"/>: writes
    /// it first, then the call's log lines and the warning that goes with it, none of which may fail the command now
    /// (see <see cref="WriteVerbose"/>). Even a Halt answered at one of -Debug's questions comes after the result.
    /// </summary>
    internal void WriteOnceOnlyResult(object result, string warning, RequestLog log)
    {
        _resultAtStake = true;
        WriteObject(result);
        WriteLog(log);
        WriteWarning(warning);
    }

    /// <summary>
    /// Cmdlet.WriteVerbose, except once this invocation changed something on the server (or holds a once-only result):
    /// then a question the host cannot ask does not fail the command. With -Debug, PowerShell writes each Verbose and
    /// Warning line (and on Windows PowerShell each Debug line) and then asks whether to continue; a host that cannot ask
    /// (pwsh -NonInteractive: PSInvalidOperationException; a hosted runspace: HostException) fails the command there. The
    /// line is written by then, and failing cannot undo the change: it would only lose the result, and a scheduled task
    /// would retry a change that was made (a duplicate). Before any change the failure stands, as PowerShell has it:
    /// nothing is lost, and the error shows why -Debug does not suit this host. A Halt answered at the question still stops.
    /// These hide the base methods so every line of every cmdlet, not only the call logs, follows the same rule.
    /// </summary>
    internal new void WriteVerbose(string text)
    {
        try
        {
            base.WriteVerbose(text);
        }
        catch (Exception e) when (_resultAtStake && HostCannotAsk(e))
        {
            // Written; only the question after it failed.
        }
    }

    /// <summary>Cmdlet.WriteDebug under the rule of <see cref="WriteVerbose"/>.</summary>
    internal new void WriteDebug(string text)
    {
        try
        {
            base.WriteDebug(text);
        }
        catch (Exception e) when (_resultAtStake && HostCannotAsk(e))
        {
            // Written; only the question after it failed.
        }
    }

    /// <summary>Cmdlet.WriteWarning under the rule of <see cref="WriteVerbose"/>.</summary>
    internal new void WriteWarning(string text)
    {
        try
        {
            base.WriteWarning(text);
        }
        catch (Exception e) when (_resultAtStake && HostCannotAsk(e))
        {
            // Written; only the question after it failed.
        }
    }

    private static bool HostCannotAsk(Exception e) => e is HostException || e is PSInvalidOperationException;

    internal void Run(Func<RequestLog, CancellationToken, Task> call) =>
        Run<bool>(async (log, token) =>
        {
            await call(log, token).ConfigureAwait(false);
            return true;
        });

    /// <summary>
    /// An ErrorRecord with the stable id, the contract's category, the item as target, and details
    /// that say what to do (once, however this runspace's error view shows them).
    /// </summary>
    internal ErrorRecord CreateErrorRecord(PasswordSafeException exception, object? target) =>
        ErrorRecordFactory.Create(exception, target, ErrorViewShowsRecommendation());

    private bool ErrorViewShowsRecommendation()
    {
        try
        {
            return ErrorRecordFactory.ViewShowsRecommendation(GetVariableValue("ErrorView"));
        }
        catch (PSInvalidOperationException)
        {
            // Off the pipeline thread the variable cannot be read; the message then carries the advice itself.
            return false;
        }
    }

    private bool DebugSwitchGiven() =>
        MyInvocation.BoundParameters.TryGetValue("Debug", out var bound) && bound is SwitchParameter flag && flag.IsPresent;

    /// <summary>The same rule PowerShell applies: the switch when given, else the preference; only SilentlyContinue and Ignore drop the stream.</summary>
    private bool StreamWanted(string switchName, string preferenceVariable)
    {
        if (MyInvocation.BoundParameters.TryGetValue(switchName, out var bound) && bound is SwitchParameter flag)
        {
            return flag.IsPresent;
        }

        var preference = GetVariableValue(preferenceVariable);
        if (preference is ActionPreference action)
        {
            return action != ActionPreference.SilentlyContinue && action != ActionPreference.Ignore;
        }

        // Not set (a bare runspace without the variable) means PowerShell's default, SilentlyContinue; anything
        // unrecognised keeps the stream on, since the text is redacted either way.
        return preference != null && !(preference is string text
            && (text.Equals(nameof(ActionPreference.SilentlyContinue), StringComparison.OrdinalIgnoreCase)
                || text.Equals(nameof(ActionPreference.Ignore), StringComparison.OrdinalIgnoreCase)));
    }

    internal void WriteLog(RequestLog log)
    {
        foreach (var line in log.Drain())
        {
            if (line.Key)
            {
                WriteVerbose(line.Value);
            }
            else
            {
                WriteDebug(line.Value);
            }
        }
    }
}
