using Platform.Cli;

return await CliApp.RunAsync(args, CliHost.FromProcess(), CancellationToken.None);
