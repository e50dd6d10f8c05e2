Console.WriteLine("PerformanceAnalytics QuickStart");
